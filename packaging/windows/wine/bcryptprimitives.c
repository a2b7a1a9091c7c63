/*
 * A stand-in bcryptprimitives.dll for testing polltally.exe under wine 8
 * (Debian 12), which has none: Rust's standard library takes its random
 * bytes from ProcessPrng in that DLL (Windows 10 and later have it). This
 * one fills the buffer from RtlGenRandom (SystemFunction036 in advapi32),
 * which wine has. Only packaging/test-windows.sh uses it, in its own wine
 * prefix; it is never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
