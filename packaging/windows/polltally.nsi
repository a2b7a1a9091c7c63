; The polltally installer for Windows (x86_64), made by packaging/build.sh:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the files> -DOUTFILE=<setup.exe> polltally.nsi
; Per-machine (Program Files, a Start-menu entry for all users, an entry in
; "Apps & features"), nothing downloaded at install or run time. `/S` installs
; silently. The count records stay in each user's data folder
; (%APPDATA%\polltally\data): uninstalling never removes them.

; A 64-bit installer for a 64-bit program (and one that wine64 alone runs).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "give the version: -DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "give the folder of the files to install: -DSTAGE=..."
!endif
!ifndef OUTFILE
  !define OUTFILE "polltally-${VERSION}-windows-x86_64-setup.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\polltally"

Name "polltally ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\polltally"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "polltally ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "polltally"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "polltally installer"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${STAGE}\polltally.ico"
!define MUI_UNICON "${STAGE}\polltally.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\polltallyw.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open polltally"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "polltally needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "polltally" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\polltally.exe"
  File "${STAGE}\polltallyw.exe"
  File "${STAGE}\polltally.ico"
  File "${STAGE}\README.md"
  SetOutPath "$INSTDIR\fonts"
  File "${STAGE}\fonts\OFL.txt"
  File "${STAGE}\fonts\README.md"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The window opens from polltallyw.exe, which starts polltally.exe
  ; without a console window.
  CreateShortCut "$SMPROGRAMS\polltally.lnk" "$INSTDIR\polltallyw.exe" "" "$INSTDIR\polltally.ico" 0

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "polltally"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "polltally"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\polltally.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\polltally.lnk"
  Delete "$INSTDIR\polltally.exe"
  Delete "$INSTDIR\polltallyw.exe"
  Delete "$INSTDIR\polltally.ico"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\fonts\OFL.txt"
  Delete "$INSTDIR\fonts\README.md"
  RMDir "$INSTDIR\fonts"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
