//! The help table: the command line's help texts, keyed by their English
//! wording as clap makes it from the doc comments of `src/cli/args.rs` (a
//! test fails when one of them has no entry here).

use super::Bilingual;

texts! {
    /// A key of the help table.
    H;
    About => "Offline ballot counting for polling-station commissions", "ការរាប់សន្លឹកឆ្នោតក្រៅបណ្ដាញ សម្រាប់គណៈកម្មការការិយាល័យបោះឆ្នោត";
    LongAbout => "Offline ballot counting for polling-station commissions.\n\nA count record is one SQLite file holding the station file and an append-only, hash-chained journal of everything the commission records.\n\nWithout a subcommand, polltally opens the counting window on the practice count.\n\nExit codes: 0 ok, 1 verification failed, 2 bad input or usage (nothing written, but the rulings `rule --stdin` acknowledged before a refused line).", "ការរាប់សន្លឹកឆ្នោតក្រៅបណ្ដាញ សម្រាប់គណៈកម្មការការិយាល័យបោះឆ្នោត។\n\nកំណត់ត្រាការរាប់ជាឯកសារ SQLite មួយ ដែលផ្ទុកឯកសារការិយាល័យ និងបញ្ជីកត់ត្រាបន្ថែមតែប៉ុណ្ណោះ ភ្ជាប់ដោយហាស នៃអ្វីៗទាំងអស់ដែលគណៈកម្មការកត់ត្រា។\n\nបើគ្មានពាក្យបញ្ជារង polltally បើកបង្អួចរាប់លើការរាប់សាកល្បង។\n\nកូដចេញ៖ 0 ត្រឹមត្រូវ 1 ការផ្ទៀងផ្ទាត់បរាជ័យ 2 ការបញ្ចូលខុស ឬការប្រើខុស (គ្មានអ្វីត្រូវបានសរសេរ ក្រៅពីការសម្រេចដែល `rule --stdin` បានបញ្ជាក់មុនបន្ទាត់ដែលត្រូវបានបដិសេធ)។";
    Lang => "The language of messages, summaries and the app: en or km", "ភាសានៃសារ សេចក្ដីសង្ខេប និងកម្មវិធី៖ en ឬ km";
    Mirror => "With a command that writes a record: keep a live copy of it at this path (on a USB stick), brought up to date after every entry; an earlier copy of the same record is brought up to date", "ជាមួយពាក្យបញ្ជាដែលសរសេរកំណត់ត្រា៖ រក្សាច្បាប់ចម្លងផ្ទាល់របស់វានៅផ្លូវនេះ (លើឧបករណ៍ផ្ទុកចល័ត) ដែលធ្វើឱ្យទាន់សម័យបន្ទាប់ពីការកត់ត្រានីមួយៗ; ច្បាប់ចម្លងមុននៃកំណត់ត្រាដដែលត្រូវបានធ្វើឱ្យទាន់សម័យ";
    Open => "Open the counting window (what `polltally` alone does, on the practice count)", "បើកបង្អួចរាប់ (ដូច `polltally` តែឯង លើការរាប់សាកល្បង)";
    OpenRecord => "The count record to open", "កំណត់ត្រាការរាប់ដែលត្រូវបើក";
    OpenScreen => "The screen to show first: station, reconciliation, counting, cross-check, results, verify, recount, tabulation or training", "អេក្រង់ដែលត្រូវបង្ហាញមុន៖ station, reconciliation, counting, cross-check, results, verify, recount, tabulation ឬ training";
    New => "Start a new count record from a station file", "ចាប់ផ្ដើមកំណត់ត្រាការរាប់ថ្មីពីឯកសារការិយាល័យ";
    NewStation => "The station file issued by the commune election commission", "ឯកសារការិយាល័យដែលចេញដោយគណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត";
    NewRecord => "Where to create the count record (must not exist)", "កន្លែងបង្កើតកំណត់ត្រាការរាប់ (មិនត្រូវមានរួចទេ)";
    Figures => "Record reconciliation figures (a later value replaces an earlier one)", "កត់ត្រាតួលេខសម្រាប់ការផ្គូផ្គងតួលេខ (តម្លៃក្រោយជំនួសតម្លៃមុន)";
    FigureR => "R: ballots received", "R៖ សន្លឹកឆ្នោតដែលបានទទួល";
    FigureU => "U: ballots unused", "U៖ សន្លឹកឆ្នោតមិនបានប្រើ";
    FigureS => "S: ballots spoiled and cancelled", "S៖ សន្លឹកឆ្នោតខូច និងលុបចោល";
    FigureV => "V: voters marked on the voter list", "V៖ ឈ្មោះអ្នកបោះឆ្នោតដែលបានគូសក្នុងបញ្ជីបោះឆ្នោត";
    FigureT => "T: voters on the supplementary list", "T៖ អ្នកបោះឆ្នោតក្នុងបញ្ជីបន្ថែម";
    FigureD => "D: of V, voters admitted with temporary identity documents", "D៖ ក្នុង V អ្នកបោះឆ្នោតដែលប្រើឯកសារបញ្ជាក់អត្តសញ្ញាណបម្រើឲ្យការបោះឆ្នោត";
    FigureB => "B: ballots found in the box", "B៖ សន្លឹកឆ្នោតដែលរកឃើញក្នុងហិប";
    Serials => "Record, per ballot book, the serial of its first unused ballot, or that it is unused or used up (a later value for a book replaces an earlier one)", "កត់ត្រា សម្រាប់សៀវភៅសន្លឹកឆ្នោតនីមួយៗ លេខរៀងនៃសន្លឹកឆ្នោតមិនបានប្រើដំបូង ឬថាសៀវភៅមិនបានប្រើ ឬប្រើអស់ (តម្លៃក្រោយនៃសៀវភៅមួយជំនួសតម្លៃមុន)";
    SerialsFirstUnused => "A book partly used: its name and the serial of its first unused ballot (repeat for each book)", "សៀវភៅដែលប្រើខ្លះ៖ ឈ្មោះរបស់វា និងលេខរៀងនៃសន្លឹកឆ្នោតមិនបានប្រើដំបូង (ធ្វើម្ដងទៀតសម្រាប់សៀវភៅនីមួយៗ)";
    SerialsUnused => "A book none of whose ballots was used (repeat for each book)", "សៀវភៅដែលគ្មានសន្លឹកឆ្នោតណាមួយត្រូវបានប្រើ (ធ្វើម្ដងទៀតសម្រាប់សៀវភៅនីមួយៗ)";
    SerialsUsedUp => "A book all of whose ballots were used (repeat for each book)", "សៀវភៅដែលសន្លឹកឆ្នោតទាំងអស់ត្រូវបានប្រើ (ធ្វើម្ដងទៀតសម្រាប់សៀវភៅនីមួយៗ)";
    Rule => "Rule a ballot valid for a party or invalid under a criterion", "សម្រេចសន្លឹកឆ្នោតថាបានការសម្រាប់គណបក្ស ឬមិនបានការតាមលក្ខណៈវិនិច្ឆ័យ";
    RuleParty => "Valid for this party (its number on the ballot)", "បានការសម្រាប់គណបក្សនេះ (លេខរបស់វានៅលើសន្លឹកឆ្នោត)";
    RuleCriterion => "The valid criterion (default: the first valid one, V1)", "លក្ខណៈវិនិច្ឆ័យបានការ (លំនាំដើម៖ លក្ខណៈវិនិច្ឆ័យបានការទីមួយ V1)";
    RuleInvalid => "Invalid under this criterion", "មិនបានការតាមលក្ខណៈវិនិច្ឆ័យនេះ";
    RuleDisputedBy => "A party whose agent disputes the ruling (repeat for several)", "គណបក្សដែលភ្នាក់ងាររបស់ខ្លួនជំទាស់ការសម្រេច (ធ្វើម្ដងទៀតសម្រាប់ច្រើន)";
    RuleStdin => "Read one ruling a line: `3`, `3 V3`, `I2`, optionally followed by `dispute=5,7`", "អានការសម្រេចមួយក្នុងមួយបន្ទាត់៖ `3`, `3 V3`, `I2` អាចតាមដោយ `dispute=5,7`";
    RuleBallot => "In a review recount: the number written on the back of the ballot ruled again", "ក្នុងការពិនិត្យឡើងវិញ៖ លេខដែលសរសេរនៅខាងក្រោយសន្លឹកឆ្នោតដែលត្រូវសម្រេចម្ដងទៀត";
    RuleReviewOf => "In a review recount: the original seq of the ballot ruled again", "ក្នុងការពិនិត្យឡើងវិញ៖ លេខដើមនៃសន្លឹកឆ្នោតដែលត្រូវសម្រេចម្ដងទៀត";
    Void => "Void a ruling, with the reason", "លុបការសម្រេច ជាមួយមូលហេតុ";
    VoidSeq => "The seq of the ruling to void", "លេខនៃការសម្រេចដែលត្រូវលុប";
    Dispute => "Record that party agents dispute a ruling already recorded", "កត់ត្រាថាភ្នាក់ងារគណបក្សជំទាស់ការសម្រេចដែលបានកត់ត្រារួច";
    DisputeSeq => "The seq of the ruling disputed", "លេខនៃការសម្រេចដែលត្រូវបានជំទាស់";
    DisputeParty => "A disputing party (repeat for several)", "គណបក្សដែលជំទាស់ (ធ្វើម្ដងទៀតសម្រាប់ច្រើន)";
    Present => "Record a person present: commission member, party agent or observer", "កត់ត្រាបុគ្គលដែលមានវត្តមាន៖ សមាជិកគណៈកម្មការ ភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍";
    PresentRole => "chief, secretary, member, party_agent or observer", "chief, secretary, member, party_agent ឬ observer (ប្រធាន លេខាធិការ សមាជិក ភ្នាក់ងារគណបក្ស អ្នកសង្កេតការណ៍)";
    PresentParty => "The party a party agent represents", "គណបក្សដែលភ្នាក់ងារគណបក្សតំណាង";
    PresentOrganisation => "The organisation an observer represents", "អង្គការដែលអ្នកសង្កេតការណ៍តំណាង";
    Withdraw => "Withdraw a presence entry recorded by mistake (a person who leaves is recorded with depart)", "ដកការកត់ត្រាវត្តមានដែលបានកត់ត្រាដោយច្រឡំចេញ (បុគ្គលដែលចាកចេញត្រូវកត់ត្រាដោយ depart)";
    WithdrawSeq => "The seq of the presence entry", "លេខនៃការកត់ត្រាវត្តមាន";
    Pile => "Record the number of ballots in a party's pile", "កត់ត្រាចំនួនសន្លឹកឆ្នោតក្នុងគំនររបស់គណបក្ស";
    Explain => "Record the written explanation for a check", "កត់ត្រាការពន្យល់ជាលាយលក្ខណ៍អក្សរសម្រាប់ការពិនិត្យ";
    ExplainCheck => "stock, issued_vs_voted, box_vs_issued, box_vs_rulings, ceiling, unused_by_serial or cross_check:<party>", "stock, issued_vs_voted, box_vs_issued, box_vs_rulings, ceiling, unused_by_serial ឬ cross_check:<គណបក្ស>";
    Show => "Show the count: figures, tally and checks", "បង្ហាញការរាប់៖ តួលេខ ចំនួនរាប់បាន និងការពិនិត្យ";
    ShowJson => "Print JSON instead of the summary", "បង្ហាញ JSON ជំនួសសេចក្ដីសង្ខេប";
    ShowNumerals => "Figures in the summary in western digits or khmer numerals", "តួលេខក្នុងសេចក្ដីសង្ខេបជាលេខអារ៉ាប់ ឬលេខខ្មែរ";
    Seal => "Seal the count: nothing can be recorded after it", "បិទត្រាការរាប់៖ មិនអាចកត់ត្រាអ្វីបន្ទាប់ពីនេះបានទេ";
    SealSigned => "Someone who signed, as NAME:ROLE (repeat for each): a person recorded present, in the role key they were recorded in (chief, secretary, member, party_agent, observer); the chief signs", "អ្នកដែលបានចុះហត្ថលេខា ជា ឈ្មោះ:តួនាទី (ធ្វើម្ដងទៀតសម្រាប់ម្នាក់ៗ)៖ អ្នកដែលបានកត់ត្រាថាមានវត្តមាន តាមកូដតួនាទីដែលបានកត់ត្រា (chief, secretary, member, party_agent, observer); ប្រធានត្រូវចុះហត្ថលេខា";
    SealRefused => "Someone who refused to sign, as NAME:ROLE:REASON (repeat for each), recorded present like a signer", "អ្នកដែលបដិសេធមិនចុះហត្ថលេខា ជា ឈ្មោះ:តួនាទី:មូលហេតុ (ធ្វើម្ដងទៀតសម្រាប់ម្នាក់ៗ) ដែលបានកត់ត្រាថាមានវត្តមានដូចអ្នកចុះហត្ថលេខា";
    Export => "Write the results document of a sealed count (the bytes that are hashed)", "សរសេរឯកសារលទ្ធផលនៃការរាប់ដែលបានបិទត្រា (បៃដែលត្រូវបានហាស)";
    Recount => "Start a recount of a sealed count, as ordered by an authority: a new record linked to the original by its results hash", "ចាប់ផ្ដើមការរាប់ឡើងវិញនៃការរាប់ដែលបានបិទត្រា តាមបញ្ជារបស់អាជ្ញាធរ៖ កំណត់ត្រាថ្មីភ្ជាប់នឹងការរាប់ដើមដោយហាសលទ្ធផលរបស់វា";
    RecountRecord => "The sealed count to recount", "ការរាប់ដែលបានបិទត្រាដែលត្រូវរាប់ឡើងវិញ";
    RecountAuthority => "Who ordered the recount (e.g. the provincial election commission)", "អ្នកដែលបញ្ជាឱ្យរាប់ឡើងវិញ (ឧ. គណៈកម្មការរាជធានី ខេត្តរៀបចំការបោះឆ្នោត)";
    RecountReason => "Why (e.g. the complaint it answers)", "មូលហេតុ (ឧ. បណ្ដឹងដែលវាឆ្លើយតប)";
    RecountMode => "full: every ballot ruled again; review: only the ballots the original ruled invalid or disputed, by their original seq", "full៖ សន្លឹកឆ្នោតទាំងអស់ត្រូវសម្រេចម្ដងទៀត; review៖ តែសន្លឹកឆ្នោតដែលការរាប់ដើមសម្រេចថាមិនបានការ ឬមានការជំទាស់ តាមលេខដើមរបស់វា";
    RecountOut => "Where to create the recount record (must not exist)", "កន្លែងបង្កើតកំណត់ត្រាការរាប់ឡើងវិញ (មិនត្រូវមានរួចទេ)";
    Compare => "Compare a recount with its original: per party, per criterion, the totals, every changed ruling, and the whole line of recounts", "ប្រៀបធៀបការរាប់ឡើងវិញជាមួយការរាប់ដើម៖ តាមគណបក្ស តាមលក្ខណៈវិនិច្ឆ័យ សរុប ការសម្រេចដែលបានផ្លាស់ប្ដូរ និងខ្សែនៃការរាប់ឡើងវិញទាំងមូល";
    CompareJson => "Write the comparison as JSON", "សរសេរការប្រៀបធៀបជា JSON";
    ComparePdf => "Write the comparison as a PDF", "សរសេរការប្រៀបធៀបជា PDF";
    Force => "Replace an existing output file (never a count record, one of the command's inputs, or anything but a regular file)", "ជំនួសឯកសារលទ្ធផលដែលមានរួច (មិនដែលជំនួសកំណត់ត្រាការរាប់ ឯកសារដែលពាក្យបញ្ជាអាន ឬអ្វីដែលមិនមែនជាឯកសារធម្មតាទេ)";
    Tabulate => "Sum the results files of a commune and allocate its council seats", "សរុបលទ្ធផលពីឯកសារលទ្ធផលនៃឃុំ សង្កាត់ ហើយបែងចែកអាសនៈក្រុមប្រឹក្សា";
    TabulateOut => "Where to write the commune results (JSON)", "កន្លែងសរសេរលទ្ធផលឃុំ សង្កាត់ (JSON)";
    TabulatePdf => "Also write the commune results as a PDF", "សរសេរលទ្ធផលឃុំ សង្កាត់ជា PDF ផងដែរ";
    TabulateFiles => "The stations' results files, or their count records (.polltally), whose journals are verified and sealed results taken", "ឯកសារលទ្ធផលនៃការិយាល័យ ឬកំណត់ត្រាការរាប់របស់វា (.polltally) ដែលបញ្ជីកត់ត្រាត្រូវបានផ្ទៀងផ្ទាត់ ហើយលទ្ធផលដែលបានបិទត្រាត្រូវបានយក";
    TabulateCodes => "The short codes typed from copy C of each station's form, one `STATION-CODE SHORT-CODE` a line (`#` starts a comment). A results file whose short code is not its paper's is refused; stations with a file but no code, or a code but no file, are listed", "កូដខ្លីដែលបានវាយពីច្បាប់ចម្លង C នៃទម្រង់របស់ការិយាល័យនីមួយៗ មួយបន្ទាត់ `STATION-CODE SHORT-CODE` (`#` ចាប់ផ្ដើមការកត់សម្គាល់)។ ឯកសារលទ្ធផលដែលកូដខ្លីមិនមែនជាកូដលើក្រដាសរបស់វា ត្រូវបានបដិសេធ; ការិយាល័យដែលមានឯកសារតែគ្មានកូដ ឬមានកូដតែគ្មានឯកសារ ត្រូវបានរាយ";
    VerifyCodes => "With --commune: the short codes typed from paper the commune file was tabulated with", "ជាមួយ --commune៖ កូដខ្លីដែលបានវាយពីក្រដាស ដែលឯកសារឃុំ សង្កាត់ត្រូវបានសរុបលទ្ធផលជាមួយ";
    Pdf => "Write the results form of a sealed count as a PDF", "សរសេរទម្រង់លទ្ធផលនៃការរាប់ដែលបានបិទត្រាជា PDF";
    PdfCopy => "Which copy: A (sealed to the NEC), B (posted at the station), C (to the commune election commission)", "ច្បាប់ចម្លងណា៖ A (បិទត្រាផ្ញើ គ.ជ.ប) B (បិទផ្សាយនៅការិយាល័យ) C (ផ្ញើគណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត)";
    PdfAnnex => "Add the ruling log annex: every journal entry in order", "បន្ថែមឧបសម្ព័ន្ធបញ្ជីការសម្រេច៖ ការកត់ត្រាបញ្ជីកត់ត្រាទាំងអស់តាមលំដាប់";
    PdfNumerals => "Figures in western digits or khmer numerals (default: the station file's)", "តួលេខជាលេខអារ៉ាប់ ឬលេខខ្មែរ (លំនាំដើម៖ តាមឯកសារការិយាល័យ)";
    Verify => "Verify a record's hash chain, or a results file (alone, against a record, or against a short code typed from a posted form), or the QR code of a photographed form against a results or commune file", "ផ្ទៀងផ្ទាត់ខ្សែហាសនៃកំណត់ត្រា ឬឯកសារលទ្ធផល (តែឯង ធៀបនឹងកំណត់ត្រា ឬធៀបនឹងកូដខ្លីពីទម្រង់ដែលបិទផ្សាយ) ឬកូដ QR នៃរូបថតទម្រង់លទ្ធផល ធៀបនឹងឯកសារលទ្ធផល ឬឯកសារឃុំ សង្កាត់";
    VerifyQr => "A photo or scan (PNG or JPEG) of a results form: its QR code is checked against --results or --commune", "រូបថត ឬរូបស្កេន (PNG ឬ JPEG) នៃទម្រង់លទ្ធផល៖ កូដ QR របស់វាត្រូវបានពិនិត្យធៀបនឹង --results ឬ --commune";
    VerifyHead => "The head hash the record must end at (e.g. from a printed form)", "ហាសចុងក្រោយដែលកំណត់ត្រាត្រូវបញ្ចប់ (ឧ. ពីទម្រង់ដែលបានបោះពុម្ព)";
    VerifyResults => "A results file made by `polltally export`", "ឯកសារលទ្ធផលដែលបង្កើតដោយ `polltally export`";
    VerifyCommune => "A commune results file made by `polltally tabulate`: its own hash, and with the stations' results files, that tabulating them again gives the same file", "ឯកសារលទ្ធផលឃុំ សង្កាត់ដែលបង្កើតដោយ `polltally tabulate`៖ ហាសរបស់វាផ្ទាល់ ហើយជាមួយឯកសារលទ្ធផលនៃការិយាល័យ ថាការសរុបលទ្ធផលឡើងវិញផ្ដល់ឯកសារដូចគ្នា";
    VerifyFiles => "With --commune: the stations' results files", "ជាមួយ --commune៖ ឯកសារលទ្ធផលនៃការិយាល័យ";
    VerifyStations => "With --commune: the issued station files (or a directory of them) the commune file was tabulated against; repeat for each", "ជាមួយ --commune៖ ឯកសារការិយាល័យដែលបានចេញ (ឬថតនៃឯកសារទាំងនោះ) ដែលឯកសារឃុំ សង្កាត់ត្រូវបានសរុបលទ្ធផលធៀប; ផ្ដល់ម្ដងសម្រាប់នីមួយៗ";
    TabulateStations => "A station file the commune election commission issued, or a directory of them (every `*.json` in it); repeat for each. With them, a results file is accepted only for an issued station and its station file, and issued stations without results are listed", "ឯកសារការិយាល័យដែលគណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោតបានចេញ ឬថតនៃឯកសារទាំងនោះ (គ្រប់ `*.json` ក្នុងថតនោះ); ផ្ដល់ម្ដងសម្រាប់នីមួយៗ។ ជាមួយឯកសារទាំងនោះ ឯកសារលទ្ធផលត្រូវបានទទួលតែសម្រាប់ការិយាល័យដែលបានចេញ និងឯកសារការិយាល័យរបស់វាប៉ុណ្ណោះ ហើយការិយាល័យដែលបានចេញតែគ្មានលទ្ធផលត្រូវបានរាយ";
    VerifyCode => "The short code printed on a posted form", "កូដខ្លីដែលបោះពុម្ពលើទម្រង់ដែលបិទផ្សាយ";
    Checkpoint => "Show a checkpoint now: the ballot number, the entry and the code of the journal at this point, for party agents to write down", "បង្ហាញចំណុចត្រួតពិនិត្យឥឡូវ៖ លេខសន្លឹកឆ្នោត ការកត់ត្រា និងកូដនៃបញ្ជីកត់ត្រានៅចំណុចនេះ សម្រាប់ភ្នាក់ងារគណបក្សកត់ទុក";
    VerifyCheckpoint => "A checkpoint noted during the count, as SEQ:CODE (repeat for each): the record must pass through it, or the results file list it", "ចំណុចត្រួតពិនិត្យដែលបានកត់ក្នុងពេលរាប់ ជា SEQ:CODE (ធ្វើម្ដងទៀតសម្រាប់នីមួយៗ)៖ កំណត់ត្រាត្រូវឆ្លងកាត់វា ឬឯកសារលទ្ធផលត្រូវរាយវា";
    Train => "Train the commission before election day: practice ballots for the station, each member's rulings of them, scores and agreement", "ហ្វឹកហាត់គណៈកម្មការមុនថ្ងៃបោះឆ្នោត៖ សន្លឹកឆ្នោតហ្វឹកហាត់សម្រាប់ការិយាល័យ ការសម្រេចរបស់សមាជិកម្នាក់ៗ ពិន្ទុ និងការយល់ស្របគ្នា";
    TrainDeck => "Make a practice deck for a station: a new TRAINING record (never a count) whose cards every member rules in turn", "បង្កើតបណ្ដុំសន្លឹកឆ្នោតហ្វឹកហាត់សម្រាប់ការិយាល័យ៖ កំណត់ត្រាហ្វឹកហាត់ថ្មី (មិនមែនជាការរាប់ទេ) ដែលសមាជិកម្នាក់ៗសម្រេចសន្លឹករបស់វាម្ដងម្នាក់";
    TrainDeckRecord => "Where to create the training record (must not exist)", "កន្លែងបង្កើតកំណត់ត្រាហ្វឹកហាត់ (មិនត្រូវមានរួចទេ)";
    TrainCards => "How many practice ballots (1 to 500)", "ចំនួនសន្លឹកឆ្នោតហ្វឹកហាត់ (ពី 1 ដល់ 500)";
    TrainSeed => "The seed the deck is drawn from: the same seed, cards and mix give the same deck on every laptop (default: from the clock)", "គ្រាប់ពូជដែលបណ្ដុំត្រូវបានគូរចេញពី៖ គ្រាប់ពូជ ចំនួនសន្លឹក និងល្បាយដូចគ្នា ផ្ដល់បណ្ដុំដូចគ្នាលើគ្រប់កុំព្យូទ័រ (លំនាំដើម៖ ពីនាឡិកា)";
    TrainMix => "The weight of each kind of ballot, as KIND=WEIGHT,...; kinds left out weigh 0 (kinds: tick, other-mark, beside-box, faint, no-stamp, blank, two-parties, straddling, identifying, damaged)", "ទម្ងន់នៃប្រភេទសន្លឹកឆ្នោតនីមួយៗ ជា KIND=WEIGHT,...; ប្រភេទដែលមិនបានដាក់មានទម្ងន់ 0 (ប្រភេទ៖ tick, other-mark, beside-box, faint, no-stamp, blank, two-parties, straddling, identifying, damaged)";
    TrainTrainer => "Who leads the round", "អ្នកដឹកនាំវគ្គ";
    TrainAnswers => "Record one member's rulings of the deck, one card a line from standard input: `3`, `3 V3`, `I2`, or `-` to leave a card unruled; a later answer to a card replaces the earlier one", "កត់ការសម្រេចរបស់សមាជិកម្នាក់លើបណ្ដុំ មួយសន្លឹកមួយបន្ទាត់ពីការបញ្ចូលស្តង់ដារ៖ `3`, `3 V3`, `I2` ឬ `-` ដើម្បីទុកសន្លឹកមួយមិនសម្រេច; ចម្លើយក្រោយលើសន្លឹកដដែលជំនួសចម្លើយមុន";
    TrainRecord => "The training record", "កំណត់ត្រាហ្វឹកហាត់";
    TrainMember => "The member who rules", "សមាជិកដែលសម្រេច";
    TrainFrom => "The card the first line rules (default: the member's first card not ruled, 1 for a new member)", "សន្លឹកដែលបន្ទាត់ទីមួយសម្រេច (លំនាំដើម៖ សន្លឹកទីមួយដែលសមាជិកមិនទាន់សម្រេច 1 សម្រាប់សមាជិកថ្មី)";
    TrainScore => "Score a training round: each member's correct rulings, the commission's agreement (Fleiss' kappa), the cards ruled differently", "ដាក់ពិន្ទុវគ្គហ្វឹកហាត់៖ ការសម្រេចត្រឹមត្រូវរបស់សមាជិកម្នាក់ៗ ការយល់ស្របគ្នារបស់គណៈកម្មការ (Fleiss' kappa) សន្លឹកដែលបានសម្រេចខុសគ្នា";
    TrainReport => "Write the trainer's report of a training round as a PDF", "សរសេររបាយការណ៍គ្រូបង្គោលនៃវគ្គហ្វឹកហាត់ជា PDF";
    Depart => "Record that a person present left the count, when and why (asked to leave, left on their own, ...)", "កត់ត្រាថាបុគ្គលដែលមានវត្តមានបានចាកចេញពីការរាប់ ពេលណា និងហេតុអ្វី (ត្រូវបានស្នើឱ្យចេញ ចេញដោយខ្លួនឯង ...)";
    DepartSeq => "The seq of the person's presence entry", "លេខនៃការកត់ត្រាវត្តមានរបស់បុគ្គលនោះ";
    DepartReason => "Why the person left, as given", "មូលហេតុដែលបុគ្គលនោះចាកចេញ ដូចដែលបានផ្ដល់";
    Complaint => "Record a complaint a party agent or observer lodges during the count", "កត់ត្រាបណ្ដឹងដែលភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍ដាក់ក្នុងពេលរាប់";
    ComplaintBy => "The seq of the complaining party agent's or observer's presence entry", "លេខនៃការកត់ត្រាវត្តមានរបស់ភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍ដែលដាក់បណ្ដឹង";
    ComplaintText => "The complaint, as lodged", "បណ្ដឹង ដូចដែលបានដាក់";
    ComplaintBallot => "The number of the ballot the complaint concerns, if one", "លេខសន្លឹកឆ្នោតដែលបណ្ដឹងទាក់ទង ប្រសិនបើមាន";
    OpenPublicDisplay => "Also open the public display: a second window for a screen facing the room, showing the ballot just ruled and the live tally", "បើកអេក្រង់សាធារណៈផងដែរ៖ បង្អួចទីពីរសម្រាប់អេក្រង់ដែលបែរមុខទៅកាន់បន្ទប់ បង្ហាញសន្លឹកឆ្នោតដែលទើបសម្រេច និងចំនួនរាប់បានផ្ទាល់";
}

impl H {
    /// The key whose English text is `english`.
    pub fn find(english: &str) -> Option<H> {
        H::ALL.iter().copied().find(|h| h.en() == english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_has_khmer_and_english() {
        for key in H::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?}");
            assert!(
                key.km()
                    .chars()
                    .any(|c| ('\u{1780}'..='\u{17ff}').contains(&c)),
                "{key:?}"
            );
        }
    }
}
