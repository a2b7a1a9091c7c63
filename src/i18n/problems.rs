//! The problem table: every error message polltally makes, in English and
//! Khmer, by key ([`P`], defined in the domain). Core errors name their key
//! and arguments ([`crate::domain::message::Message`]); [`crate::i18n::Tr`]
//! renders them.

use crate::domain::message::P;

translations! {
    P;
    // Station files.
    Bom => "starts with a byte order mark; save it as UTF-8 without one", "ចាប់ផ្ដើមដោយសញ្ញាលំដាប់បៃ (BOM); សូមរក្សាទុកជា UTF-8 ដោយគ្មានវា";
    EmptyFile => "the file is empty", "ឯកសារទទេ";
    NotJsonObject => "not a JSON object (it must start with '{')", "មិនមែនជាវត្ថុ JSON ទេ (ត្រូវចាប់ផ្ដើមដោយ '{')";
    Json => "{detail}", "JSON មិនអាចអានបាន៖ {detail}";
    NotIdentifier => "{value} is not an identifier ({#1}-{#64} letters, digits, '-', '_', '.', '/')", "{value} មិនមែនជាលេខសម្គាល់ទេ (អក្សរ លេខ '-', '_', '.', '/' ចំនួន {#1} ដល់ {#64})";
    TooLarge => "{value} is too large (at most {max})", "{value} ធំពេក (យ៉ាងច្រើន {max})";
    NotFormat => "{found} is not {expected}", "{found} មិនមែនជា {expected} ទេ";
    NoParties => "must list at least one party", "ត្រូវរាយគណបក្សយ៉ាងហោចណាស់មួយ";
    TooManyParties => "{n} parties listed, at most {max} are supported", "បានរាយគណបក្សចំនួន {n} ប៉ុន្តែកម្មវិធីទទួលបានយ៉ាងច្រើន {max}";
    NotPartyNumber => "{n} is not a party number ({#1}-{#999})", "{n} មិនមែនជាលេខគណបក្សទេ ({#1} ដល់ {#999})";
    UsedTwice => "{value} is used twice (also {other})", "{value} ត្រូវបានប្រើពីរដង (ក៏មាននៅ {other})";
    AbbreviationLength => "{value} must be {#1}-{#16} characters", "{value} ត្រូវមានពី {#1} ដល់ {#16} តួអក្សរ";
    NoBooks => "must list at least one ballot book", "ត្រូវរាយសៀវភៅសន្លឹកឆ្នោតយ៉ាងហោចណាស់មួយ";
    SerialAfterLast => "{first} is after last_serial {last}", "{first} នៅក្រោយ last_serial {last}";
    SerialsOverlap => "serials {first}-{last} overlap {other} ({other_first}-{other_last})", "លេខរៀង {first}-{last} ជាន់គ្នានឹង {other} ({other_first}-{other_last})";
    TooManyBallots => "{n} ballots in all is more than {max}, the most ballots one station counts", "សន្លឹកឆ្នោតសរុប {n} លើសពី {max} ដែលជាចំនួនសន្លឹកឆ្នោតច្រើនបំផុតដែលការិយាល័យមួយរាប់";
    MoreThanBallots => "{value} is more than {max}, the most ballots one station counts", "{value} លើសពី {max} ដែលជាចំនួនសន្លឹកឆ្នោតច្រើនបំផុតដែលការិយាល័យមួយរាប់";
    MoreThanVoters => "{value} is more than {max}, the most voters one station has", "{value} លើសពី {max} ដែលជាចំនួនអ្នកបោះឆ្នោតច្រើនបំផុតនៃការិយាល័យមួយ";
    MoreThanSeats => "{value} is more than {max}, the most seats a council has", "{value} លើសពី {max} ដែលជាចំនួនអាសនៈច្រើនបំផុតនៃក្រុមប្រឹក្សាមួយ";
    ZeroSeats => "{#0} is not allowed (at least {#1})", "មិនអនុញ្ញាតលេខ {#0} ទេ (យ៉ាងហោចណាស់ {#1})";
    TooManyBooks => "{n} ballot books listed, at most {max} are supported", "បានរាយសៀវភៅសន្លឹកឆ្នោតចំនួន {n} ប៉ុន្តែកម្មវិធីទទួលបានយ៉ាងច្រើន {max}";
    TooManyCriteria => "{n} criteria listed, at most {max} are supported", "បានរាយលក្ខណៈវិនិច្ឆ័យចំនួន {n} ប៉ុន្តែកម្មវិធីទទួលបានយ៉ាងច្រើន {max}";
    TooManyStations => "{n} stations listed, at most {max} are supported", "បានរាយការិយាល័យចំនួន {n} ប៉ុន្តែកម្មវិធីទទួលបានយ៉ាងច្រើន {max}";
    TooManyLanguages => "{n} languages, at most {max} are supported", "ភាសាចំនួន {n} ប៉ុន្តែកម្មវិធីទទួលបានយ៉ាងច្រើន {max}";
    NoCriteria => "must list criteria, or be left out for the default set", "ត្រូវរាយលក្ខណៈវិនិច្ឆ័យ ឬលុបចោលដើម្បីប្រើឈុតលំនាំដើម";
    NotDate => "{value} is not a date in the form YYYY-MM-DD", "{value} មិនមែនជាកាលបរិច្ឆេទតាមទម្រង់ YYYY-MM-DD ទេ";
    NotCalendarDate => "{value} is not a calendar date", "{value} មិនមែនជាកាលបរិច្ឆេទពិតទេ";
    NotTimeZone => "{value} is not a time zone: write an IANA name such as Asia/Phnom_Penh or an offset from UTC such as +07:00", "{value} មិនមែនជាតំបន់ម៉ោងទេ៖ សូមសរសេរឈ្មោះ IANA ដូចជា Asia/Phnom_Penh ឬគម្លាតពី UTC ដូចជា +07:00";
    NotTimestamp => "{value} is not a time in the form YYYY-MM-DDTHH:MM:SSZ", "{value} មិនមែនជាពេលវេលាតាមទម្រង់ YYYY-MM-DDTHH:MM:SSZ ទេ";
    NotCriterionCode => "{value} is not a criterion code (an uppercase letter, then up to {#7} uppercase letters or digits)", "{value} មិនមែនជាកូដលក្ខណៈវិនិច្ឆ័យទេ (អក្សរធំមួយ បន្ទាប់មកអក្សរធំ ឬលេខរហូតដល់ {#7})";
    CriterionCodeTwice => "code {code} is used twice (also criteria[{j}])", "កូដ {code} ត្រូវបានប្រើពីរដង (ក៏មាននៅ criteria[{j}])";
    NoValidCriterion => "must contain at least one valid criterion", "ត្រូវមានលក្ខណៈវិនិច្ឆ័យបានការយ៉ាងហោចណាស់មួយ";
    NoInvalidCriterion => "must contain at least one invalid criterion", "ត្រូវមានលក្ខណៈវិនិច្ឆ័យមិនបានការយ៉ាងហោចណាស់មួយ";
    NoLanguage => "must give the text in at least one language", "ត្រូវផ្ដល់អត្ថបទយ៉ាងហោចណាស់មួយភាសា";
    NotLanguageCode => "{value} is not a language code (two or three lowercase letters, e.g. \"en\", \"km\")", "{value} មិនមែនជាកូដភាសាទេ (អក្សរតូចពីរ ឬបី ឧ. \"en\", \"km\")";
    TextEmpty => "the text is empty", "អត្ថបទទទេ";
    OwnStationMissing => "must list this station's own code {code}", "ត្រូវរាយលេខកូដរបស់ការិយាល័យនេះផ្ទាល់ {code}";
    NotHash => "{value} is not a SHA-256 hash ({#64} hex digits)", "{value} មិនមែនជាហាស SHA-256 ទេ (លេខគោលដប់ប្រាំមួយ {#64} ខ្ទង់)";
    NotCheck => "{value} is not a check (stock, issued_vs_voted, box_vs_issued, box_vs_rulings, ceiling, unused_by_serial, cross_check:<party number>)", "{value} មិនមែនជាការពិនិត្យទេ (stock, issued_vs_voted, box_vs_issued, box_vs_rulings, ceiling, unused_by_serial, cross_check:<លេខគណបក្ស>)";

    // Free text, people, seals.
    MustNotBeEmpty => "must not be empty", "មិនត្រូវទទេទេ";
    TooLong => "{n} characters is too long (at most {max})", "{n} តួអក្សរ វែងពេក (យ៉ាងច្រើន {max})";
    ControlCharacter => "contains the control character {c}", "មានតួអក្សរបញ្ជា {c}";
    NotRole => "{value} is not a role (chief, secretary, member, party_agent, observer)", "{value} មិនមែនជាតួនាទីទេ (chief, secretary, member, party_agent, observer)";
    NameOneLine => "must be one line of at most {max} characters", "ត្រូវជាបន្ទាត់មួយ យ៉ាងច្រើន {max} តួអក្សរ";
    NotOnBallot => "{party} is not on this station's ballot (parties {known})", "{party} មិនមាននៅលើសន្លឹកឆ្នោតនៃការិយាល័យនេះទេ (គណបក្ស {known})";
    AgentNamesParty => "a party agent names the party", "ភ្នាក់ងារគណបក្សត្រូវបញ្ជាក់គណបក្សរបស់ខ្លួន";
    ObserverNamesOrganisation => "an observer names the organisation", "អ្នកសង្កេតការណ៍ត្រូវបញ្ជាក់អង្គការរបស់ខ្លួន";
    OnlyAgentNamesParty => "only a party agent names a party, not a {role}", "មានតែភ្នាក់ងារគណបក្សទេដែលបញ្ជាក់គណបក្ស មិនមែន {role}";
    OnlyObserverNamesOrganisation => "only an observer names an organisation, not a {role}", "មានតែអ្នកសង្កេតការណ៍ទេដែលបញ្ជាក់អង្គការ មិនមែន {role}";
    NoColon => "{value} must not contain ':'", "{value} មិនត្រូវមាន ':' ទេ";
    ChiefSigns => "at least the chief signs the result", "យ៉ាងហោចណាស់ប្រធានត្រូវចុះហត្ថលេខាលើលទ្ធផល";
    AlsoSigned => "{value} also signed", "{value} ក៏បានចុះហត្ថលេខាដែរ";
    NotNameRole => "{value} is not NAME:ROLE", "{value} មិនមែនជា ឈ្មោះ:តួនាទី (NAME:ROLE) ទេ";
    NotNameRoleReason => "{value} is not NAME:ROLE:REASON", "{value} មិនមែនជា ឈ្មោះ:តួនាទី:មូលហេតុ (NAME:ROLE:REASON) ទេ";
    PersonAs => "{name} as {role}", "{name} ជា {role}";
    AgentAs => "{name} as {role} of party {party}", "{name} ជា {role} នៃគណបក្ស {party}";
    NotPresent => "{who} is not recorded present (present: {present})", "{who} មិនត្រូវបានកត់ត្រាថាមានវត្តមានទេ (អ្នកមានវត្តមាន៖ {present})";
    NoOnePresent => "no one yet", "មិនទាន់មាននរណាម្នាក់ទេ";
    NamedTwice => "{who} is named twice (also {other})", "{who} ត្រូវបានដាក់ឈ្មោះពីរដង (ក៏មាននៅ {other})";
    PresentForParties => "{who} is recorded present for more than one party ({parties}); withdraw the wrong entry first", "{who} ត្រូវបានកត់ត្រាថាមានវត្តមានសម្រាប់គណបក្សច្រើនជាងមួយ ({parties}); សូមដកការកត់ត្រាដែលខុសចេញជាមុនសិន";
    RoleSigns => "no one signs as {role}; the result needs the signature of the {role}", "គ្មាននរណាម្នាក់ចុះហត្ថលេខាជា {role} ទេ; លទ្ធផលត្រូវការហត្ថលេខារបស់ {role}";

    // Rulings and the count.
    UnknownCriterion => "{code} is not a criterion of this count (valid: {valid}; invalid: {invalid})", "{code} មិនមែនជាលក្ខណៈវិនិច្ឆ័យនៃការរាប់នេះទេ (បានការ៖ {valid}; មិនបានការ៖ {invalid})";
    NotValidCriterion => "{code} is an invalid criterion; a ballot for a party needs a valid one ({valid})", "{code} ជាលក្ខណៈវិនិច្ឆ័យមិនបានការ; សន្លឹកឆ្នោតសម្រាប់គណបក្សត្រូវការលក្ខណៈវិនិច្ឆ័យបានការ ({valid})";
    NotInvalidCriterion => "{code} is a valid criterion; an invalid ballot needs an invalid one ({invalid})", "{code} ជាលក្ខណៈវិនិច្ឆ័យបានការ; សន្លឹកឆ្នោតមិនបានការត្រូវការលក្ខណៈវិនិច្ឆ័យមិនបានការ ({invalid})";
    PartyNamedTwice => "party {party} is named twice", "គណបក្ស {party} ត្រូវបានដាក់ពីរដង";
    NoSuchEntry => "{target} does not exist (the journal ends at seq {last})", "{target} មិនមានទេ (បញ្ជីកត់ត្រាបញ្ចប់នៅលេខ {last})";
    VoidOfVoid => "{target} is a void (of seq {of}), not a ruling; voids cannot be voided", "{target} ជាការលុប (នៃលេខ {of}) មិនមែនជាការសម្រេចទេ; មិនអាចលុបការលុបបានទេ";
    NotARuling => "{target} is not a ruling", "{target} មិនមែនជាការសម្រេចទេ";
    AlreadyVoided => "ruling {target} was already voided by seq {by}", "ការសម្រេច {target} ត្រូវបានលុបរួចហើយដោយលេខ {by}";
    NoFigures => "give at least one figure", "សូមផ្ដល់តួលេខយ៉ាងហោចណាស់មួយ";
    UnknownCheck => "{check} is not a check of this count", "{check} មិនមែនជាការពិនិត្យនៃការរាប់នេះទេ";
    DisputeOfVoided => "ruling {target} was voided by seq {by}; a void ruling cannot be disputed", "ការសម្រេច {target} ត្រូវបានលុបដោយលេខ {by}; មិនអាចជំទាស់ការសម្រេចដែលបានលុបទេ";
    AlreadyDisputing => "party {party} already disputes ruling {target}", "គណបក្ស {party} បានជំទាស់ការសម្រេច {target} រួចហើយ";
    NoDisputants => "name at least one party", "សូមបញ្ជាក់គណបក្សយ៉ាងហោចណាស់មួយ";
    NotAPerson => "{target} is not a person recorded as present", "{target} មិនមែនជាបុគ្គលដែលបានកត់ត្រាថាមានវត្តមានទេ";
    AlreadyWithdrawn => "the presence of entry {target} was already withdrawn by seq {by}", "វត្តមាននៃការកត់ត្រាទី {target} ត្រូវបានដករួចហើយដោយលេខ {by}";
    LodgedComplaint => "the person of entry {target} lodged the complaint of entry {complaint}: their presence stays, so that the complaint keeps who lodged it (record a misspelt name again beside it)", "បុគ្គលនៃការកត់ត្រាទី {target} បានដាក់បណ្ដឹងនៃការកត់ត្រាទី {complaint}៖ វត្តមានរបស់គាត់ត្រូវនៅដដែល ដើម្បីឱ្យបណ្ដឹងនៅតែមានអ្នកដាក់ (កត់ត្រាឈ្មោះដែលសរសេរខុសម្ដងទៀតក្បែរនោះ)";
    SignerLeft => "{name} left the count (entry {entry}): record them present again if they came back to sign", "{name} បានចាកចេញពីការរាប់ (ការកត់ត្រាទី {entry})៖ សូមកត់ត្រាវត្តមានគាត់ម្ដងទៀត ប្រសិនបើគាត់ត្រឡប់មកចុះហត្ថលេខា";
    AlreadyDeparted => "the person of entry {target} already left (entry {by})", "បុគ្គលនៃការកត់ត្រាទី {target} បានចាកចេញរួចហើយ (ការកត់ត្រាទី {by})";
    PresenceWasWithdrawn => "the presence of entry {target} was withdrawn by entry {by} as a mistake: that person is not recorded as present", "វត្តមាននៃការកត់ត្រាទី {target} ត្រូវបានដកចេញដោយការកត់ត្រាទី {by} ថាជាកំហុស៖ បុគ្គលនោះមិនត្រូវបានកត់ត្រាថាមានវត្តមានទេ";
    NotAComplainant => "the person of entry {target} is recorded as {role}: a complaint is lodged by a party agent or an observer", "បុគ្គលនៃការកត់ត្រាទី {target} ត្រូវបានកត់ត្រាជា {role}៖ បណ្ដឹងត្រូវដាក់ដោយភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍";
    NotAnEntry => "no entry of the journal has that number (it has {entries}, each listed once)", "គ្មានការកត់ត្រាណាមួយនៃបញ្ជីកត់ត្រាមានលេខនោះទេ (វាមានចំនួន {entries} ហើយនីមួយៗរាយតែម្ដង)";
    ReasonWithDeparture => "a departure has a reason and a reason a departure", "ការចាកចេញមានមូលហេតុ ហើយមូលហេតុមានការចាកចេញ";
    ComplainantNotListed => "{name} is not listed present under that entry", "{name} មិនត្រូវបានរាយថាមានវត្តមាននៅការកត់ត្រានោះទេ";
    PresenceDiffers => "those listed present are not the {n} of people_present, in the same order", "អ្នកដែលបានរាយថាមានវត្តមាន មិនមែនជាមនុស្សចំនួន {n} នៃ people_present តាមលំដាប់ដដែលទេ";
    ComplaintsListed => "the complaints listed are {n}", "បណ្ដឹងដែលបានរាយមានចំនួន {n}";
    ChooseComplainant => "choose the party agent or observer who lodges the complaint", "សូមជ្រើសរើសភ្នាក់ងារគណបក្ស ឬអ្នកសង្កេតការណ៍ដែលដាក់បណ្ដឹង";
    NoSuchBallot => "no ballot has number {ballot} in this count (the highest number given so far is {highest})", "គ្មានសន្លឹកឆ្នោតលេខ {ballot} ក្នុងការរាប់នេះទេ (លេខខ្ពស់បំផុតដែលបានផ្ដល់រហូតមកដល់ពេលនេះគឺ {highest})";
    Sealed => "the count was sealed at entry {seq}; nothing more can be recorded", "ការរាប់ត្រូវបានបិទត្រានៅការកត់ត្រាទី {seq}; មិនអាចកត់ត្រាអ្វីបន្ថែមទៀតបានទេ";
    NotReady => "the count cannot be sealed yet: {gaps}", "មិនទាន់អាចបិទត្រាការរាប់បានទេ៖ {gaps}";
    GapFigure => "{figure} is not recorded", "{figure} មិនទាន់បានកត់ត្រា";
    GapUnexplained => "{check} differs by {difference} and has no explanation", "{check} ខុសគ្នា {difference} ហើយគ្មានការពន្យល់";
    GapUnruled => "{ruled} of the {in_box} ballots in the box are ruled", "បានសម្រេច {ruled} ក្នុងចំណោមសន្លឹកឆ្នោត {in_box} ក្នុងហិប";
    RecountOfAnother => "the recount is bound to results {bound}, but the original's results hash is {original}", "ការរាប់ឡើងវិញភ្ជាប់នឹងលទ្ធផល {bound} ប៉ុន្តែហាសលទ្ធផលដើមគឺ {original}";
    RecountWithoutOriginal => "the record opens a recount but holds no original count", "កំណត់ត្រាបើកការរាប់ឡើងវិញ ប៉ុន្តែគ្មានការរាប់ដើម";
    OriginalWithoutRecount => "the record holds an original count but does not open a recount", "កំណត់ត្រាមានការរាប់ដើម ប៉ុន្តែមិនបើកការរាប់ឡើងវិញ";
    NotAReview => "only a review recount rules a ballot again by its original seq", "មានតែការពិនិត្យឡើងវិញទេ ដែលសម្រេចសន្លឹកឆ្នោតម្ដងទៀតតាមលេខដើម";
    ReviewNeedsOriginal => "a review rules only the ballots under review: give the original seq (review_of)", "ការពិនិត្យឡើងវិញសម្រេចតែសន្លឹកឆ្នោតដែលកំពុងពិនិត្យ៖ សូមផ្ដល់លេខដើម (review_of)";
    NotUnderReview => "{original} is not a ballot under review (under review: {list})", "{original} មិនមែនជាសន្លឹកឆ្នោតកំពុងពិនិត្យទេ (កំពុងពិនិត្យ៖ {list})";
    AlreadyReviewed => "ballot {original} was already ruled again at seq {by}", "សន្លឹកឆ្នោត {original} ត្រូវបានសម្រេចម្ដងទៀតរួចហើយនៅលេខ {by}";
    BallotNotUnderReview => "{ballot} is not a ballot under review (under review: {list})", "{ballot} មិនមែនជាសន្លឹកឆ្នោតកំពុងពិនិត្យទេ (កំពុងពិនិត្យ៖ {list})";
    BallotAlreadyReviewed => "ballot {ballot} was already ruled again", "សន្លឹកឆ្នោត {ballot} ត្រូវបានសម្រេចម្ដងទៀតរួចហើយ";
    NoBookGiven => "give at least one ballot book", "សូមផ្ដល់សៀវភៅសន្លឹកឆ្នោតយ៉ាងហោចណាស់មួយ";
    NotBookOfStation => "{value} is not a ballot book of this station ({list})", "{value} មិនមែនជាសៀវភៅសន្លឹកឆ្នោតនៃការិយាល័យនេះទេ ({list})";
    SerialOutsideBook => "{value} is outside the book's serials {first}-{last}", "{value} នៅក្រៅលេខរៀងរបស់សៀវភៅ {first}-{last}";

    // Training rounds.
    AnswerInCount => "this record is a count, not a training round: training answers cannot be recorded in it", "កំណត់ត្រានេះជាការរាប់ មិនមែនជាវគ្គបណ្ដុះបណ្ដាលទេ៖ មិនអាចកត់ចម្លើយហ្វឹកហាត់ក្នុងវាបានទេ";
    CountEntryInTraining => "this record is a TRAINING round, not a count: it records training answers only, not entries of the kind {kind}", "កំណត់ត្រានេះជាវគ្គបណ្ដុះបណ្ដាល មិនមែនជាការរាប់ទេ៖ វាកត់តែចម្លើយហ្វឹកហាត់ប៉ុណ្ណោះ មិនមែនការកត់ត្រាទី {kind} ទេ";
    NoSuchCard => "there is no card {card}: the deck has cards {#1} to {cards}", "គ្មានសន្លឹកទី {card} ទេ៖ បណ្ដុំមានសន្លឹកទី {#1} ដល់ {cards}";
    TooManyMembers => "at most {max} members answer in one round", "សមាជិកយ៉ាងច្រើន {max} នាក់ឆ្លើយក្នុងវគ្គមួយ";
    DeckSize => "{value} cards: a deck has {#1} to {max}", "{value} សន្លឹក៖ បណ្ដុំមួយមានពី {#1} ដល់ {max}";
    DeckCriterionMissing => "{kind} ballots are ruled under {code}, which the station's criteria do not have; give {kind} a weight of {#0}", "សន្លឹកឆ្នោតប្រភេទ {kind} ត្រូវសម្រេចតាម {code} ដែលលក្ខណៈវិនិច្ឆ័យរបស់ការិយាល័យមិនមាន៖ សូមដាក់ទម្ងន់ {#0} ឲ្យ {kind}";
    DeckEmptyMix => "every kind has a weight of {#0}: nothing to draw", "គ្រប់ប្រភេទមានទម្ងន់ {#0}៖ គ្មានអ្វីត្រូវគូរទេ";
    DeckTooFewParties => "ballots marked for two parties need at least two parties on the ballot", "សន្លឹកឆ្នោតដែលគូសឲ្យគណបក្សពីរ ត្រូវការគណបក្សយ៉ាងហោចណាស់ពីរលើសន្លឹកឆ្នោត";
    NotMixEntry => "{value} is not KIND=WEIGHT (kinds: {kinds}; weights {#0} to {#1000})", "{value} មិនមែនជា KIND=WEIGHT ទេ (ប្រភេទ៖ {kinds}; ទម្ងន់ពី {#0} ដល់ {#1000})";
    NotATrainingRecord => "{path} is a count, not a TRAINING round", "{path} ជាការរាប់ មិនមែនជាវគ្គបណ្ដុះបណ្ដាលទេ";
    NoDisputeInTraining => "a training answer has no dispute: write the ruling alone", "ចម្លើយហ្វឹកហាត់គ្មានការជំទាស់ទេ៖ សូមសរសេរតែការសម្រេច";
    NotANumber => "{value} is not a whole number", "{value} មិនមែនជាចំនួនគត់ទេ";
    MemberRuledAll => "{member} has ruled all {cards} cards; give --from N to rule again from card N", "{member} បានសម្រេចសន្លឹកទាំង {cards} រួចហើយ; ផ្ដល់ --from N ដើម្បីសម្រេចម្ដងទៀតពីសន្លឹក N";
    MixKindTwice => "{kind} is given twice", "{kind} ត្រូវបានផ្ដល់ពីរដង";
    NotCanonicalCode => "{value} is not written as the code is: {expected}", "{value} មិនត្រូវបានសរសេរដូចកូដទេ៖ {expected}";
    BadCheckpoint => "{value} is not SEQ:CODE (the entry number, a colon, and the {#12} characters of the code)", "{value} មិនមែនជា SEQ:CODE ទេ (លេខការកត់ត្រា សញ្ញា : និងតួអក្សរ {#12} នៃកូដ)";
    CheckpointMissing => "checkpoint {seq}: the record has {entries} entries and never reached it", "ចំណុចត្រួតពិនិត្យ {seq}៖ កំណត់ត្រាមានការកត់ត្រាចំនួន {entries} ហើយមិនដែលដល់វាទេ";
    CheckpointDiffers => "checkpoint {seq}: the record's code there is {found}, not {noted} as noted: the record was rewritten at or before entry {seq}, or the code was noted wrongly", "ចំណុចត្រួតពិនិត្យ {seq}៖ កូដរបស់កំណត់ត្រានៅទីនោះគឺ {found} មិនមែន {noted} ដូចបានកត់ទេ៖ កំណត់ត្រាត្រូវបានសរសេរឡើងវិញនៅ ឬមុនការកត់ត្រាទី {seq} ឬកូដត្រូវបានកត់ខុស";
    CheckpointStands => "the checkpoint at entry {seq} is the record as it stands: nothing was recorded since", "ចំណុចត្រួតពិនិត្យនៅការកត់ត្រាទី {seq} គឺកំណត់ត្រាដូចដែលវាមាន៖ គ្មានអ្វីត្រូវបានកត់ត្រាបន្ទាប់ពីនោះទេ";
    CheckpointElsewhere => "checkpoint {seq}: {noted} is the record's code at entry {entry} (ballot {ballot}); write the entry number before the code, not the ballot number", "ចំណុចត្រួតពិនិត្យ {seq}៖ {noted} ជាកូដរបស់កំណត់ត្រានៅការកត់ត្រាទី {entry} (សន្លឹកឆ្នោត {ballot}); សូមសរសេរលេខការកត់ត្រាមុនកូដ មិនមែនលេខសន្លឹកឆ្នោតទេ";
    CheckpointsFailed => "{failed} of the {noted} checkpoints noted do not pass", "{failed} ក្នុងចំណោមចំណុចត្រួតពិនិត្យ {noted} ដែលបានកត់ មិនឆ្លងកាត់ទេ";
    CheckpointNotListed => "checkpoint {seq}: the results file lists no checkpoint {seq} {noted} ({listed})", "ចំណុចត្រួតពិនិត្យ {seq}៖ ឯកសារលទ្ធផលមិនរាយចំណុចត្រួតពិនិត្យ {seq} {noted} ទេ ({listed})";
    WrongFormat => "the record's format is {found}; with what it opens, it must be {expected}", "ទម្រង់នៃកំណត់ត្រាគឺ {found}; តាមអ្វីដែលវាបើក វាត្រូវតែជា {expected}";
    TrainingNotACount => "this record is a TRAINING round, not a count: it has no results and can never be sealed", "កំណត់ត្រានេះជាវគ្គបណ្ដុះបណ្ដាល មិនមែនជាការរាប់ទេ៖ វាគ្មានលទ្ធផល ហើយមិនអាចបិទត្រាបានឡើយ";
    GapUnreviewed => "{reviewed} of the {of} ballots under review are ruled again", "បានសម្រេចម្ដងទៀត {reviewed} ក្នុងចំណោមសន្លឹកឆ្នោត {of} ដែលកំពុងពិនិត្យ";
    NotRecountMode => "{value} is not a recount mode (full or review)", "{value} មិនមែនជារបៀបរាប់ឡើងវិញទេ (full ឬ review)";
    RecountOfUnsealed => "only a sealed count can be recounted: {problem}", "អាចរាប់ឡើងវិញបានតែការរាប់ដែលបានបិទត្រាប៉ុណ្ណោះ៖ {problem}";
    OriginalCount => "the count before this one (generation {n}): {problem}", "ការរាប់មុននេះ (ជំនាន់ទី {n})៖ {problem}";
    NoResultsFiles => "give at least one results file", "សូមផ្ដល់ឯកសារលទ្ធផលយ៉ាងហោចណាស់មួយ";
    OtherElectionFile => "is for election {found}, the other files for {expected}", "សម្រាប់ការបោះឆ្នោត {found} ឯកសារផ្សេងទៀតសម្រាប់ {expected}";
    OtherCommuneFile => "is for commune {found}, the other files for {expected}", "សម្រាប់ឃុំ សង្កាត់ {found} ឯកសារផ្សេងទៀតសម្រាប់ {expected}";
    PracticeMixed => "practice and official results cannot be tabulated together", "មិនអាចសរុបលទ្ធផលសាកល្បង និងលទ្ធផលផ្លូវការជាមួយគ្នាបានទេ";
    OtherPartiesFile => "lists other parties than the other files", "រាយគណបក្សខុសពីឯកសារផ្សេងទៀត";
    OtherSeatsFile => "gives {found} council seats, the other files {expected}", "ផ្ដល់អាសនៈក្រុមប្រឹក្សា {found} ឯកសារផ្សេងទៀត {expected}";
    SameFileTwice => "is the same results file as {other}", "ជាឯកសារលទ្ធផលដូចគ្នានឹង {other}";
    TwoForStation => "a second result for station {station} (also {other}), and neither is a recount of the other", "លទ្ធផលទីពីរសម្រាប់ការិយាល័យ {station} (ក៏មាន {other}) ហើយគ្មានមួយណាជាការរាប់ឡើងវិញនៃមួយទៀតទេ";
    TwoRecounts => "a second recount of the same count of station {station} (also {other})", "ការរាប់ឡើងវិញទីពីរនៃការរាប់ដូចគ្នារបស់ការិយាល័យ {station} (ក៏មាន {other})";
    NoIssuedStations => "no station files were found among those given", "រកមិនឃើញឯកសារការិយាល័យក្នុងចំណោមឯកសារដែលបានផ្ដល់ទេ";
    StationNotIssued => "station {station} is not among the issued station files", "ការិយាល័យ {station} មិនស្ថិតក្នុងចំណោមឯកសារការិយាល័យដែលបានចេញទេ";
    StationIssuedTwice => "station {station} is issued twice, by different station files (also {other})", "ការិយាល័យ {station} ត្រូវបានចេញពីរដង ដោយឯកសារការិយាល័យខុសគ្នា (ក៏មាន {other})";
    OtherDefinitionFile => "definition_hash {found} is not the hash of the issued station file for {station} ({expected})", "definition_hash {found} មិនមែនជាហាសនៃឯកសារការិយាល័យដែលបានចេញសម្រាប់ {station} ទេ ({expected})";
    OtherSeatsIssued => "gives {found} council seats, the issued station file {expected}", "ផ្ដល់អាសនៈក្រុមប្រឹក្សា {found} ឯកសារការិយាល័យដែលបានចេញ {expected}";
    OtherPartiesIssued => "lists other parties than the issued station file of station {station}", "រាយគណបក្សខុសពីឯកសារការិយាល័យដែលបានចេញនៃការិយាល័យ {station}";
    PaperDiffers => "its short code is {found}, but copy C of the form of station {station} says {typed} ({place}); the file is not the one the commission signed", "កូដខ្លីរបស់វាគឺ {found} ប៉ុន្តែច្បាប់ចម្លង C នៃទម្រង់របស់ការិយាល័យ {station} សរសេរថា {typed} ({place}) ឯកសារនេះមិនមែនជាឯកសារដែលគណៈកម្មការបានចុះហត្ថលេខាទេ";
    PaperNotIssued => "station {station} has a code ({place}) but is not among the issued station files", "ការិយាល័យ {station} មានកូដ ({place}) ប៉ុន្តែមិនស្ថិតក្នុងចំណោមឯកសារការិយាល័យដែលបានចេញទេ";
    CodesLine => "line {n} of the codes", "បន្ទាត់ {n} នៃកូដ";
    CodesField => "the code typed for station {station}", "កូដដែលបានវាយសម្រាប់ការិយាល័យ {station}";
    InCodesFile => "{problem} (codes file {path})", "{problem} (ឯកសារកូដ {path})";
    NotUtf8 => "{path} is not UTF-8 text", "{path} មិនមែនជាអត្ថបទ UTF-8 ទេ";
    CommuneHashMismatch => "the hash does not match the document (the file was edited or re-saved)", "ហាសមិនត្រូវនឹងឯកសារទេ (ឯកសារត្រូវបានកែ ឬរក្សាទុកឡើងវិញ)";
    NotARecountRecord => "{path} is not a recount", "{path} មិនមែនជាការរាប់ឡើងវិញទេ";
    RecountOfOtherResults => "the recount is of the count with results {bound}, not of this original (results {original})", "ការរាប់ឡើងវិញនេះជារបស់ការរាប់ដែលមានលទ្ធផល {bound} មិនមែនរបស់ការរាប់ដើមនេះទេ (លទ្ធផល {original})";
    NotOpened => "the first entry must open the record, not be a {kind}", "ការកត់ត្រាទីមួយត្រូវតែបើកកំណត់ត្រា មិនមែនជា {kind} ទេ";
    OpenedAgain => "only the first entry may open the record", "មានតែការកត់ត្រាទីមួយទេដែលអាចបើកកំណត់ត្រា";
    WrongBinding => "the record opens {field} {found}, but the station file says {expected}", "កំណត់ត្រាបើក {field} {found} ប៉ុន្តែឯកសារការិយាល័យនិយាយថា {expected}";

    // The journal and the record.
    ChainEntry => "entry {seq}: {problem}", "ការកត់ត្រាទី {seq}៖ {problem}";
    EntryMissing => "missing (the next entry in the record is seq {next})", "បាត់ (ការកត់ត្រាបន្ទាប់ក្នុងកំណត់ត្រាគឺលេខ {next})";
    JournalEmpty => "missing (the journal is empty)", "បាត់ (បញ្ជីកត់ត្រាទទេ)";
    OutOfOrder => "out of order (expected seq {expected})", "ខុសលំដាប់ (រំពឹងលេខ {expected})";
    FirstPrevHash => "the first entry's prev_hash is not all zeros", "prev_hash នៃការកត់ត្រាទីមួយមិនមែនសូន្យទាំងអស់ទេ";
    PrevHash => "prev_hash does not match the hash of entry {seq}", "prev_hash មិនត្រូវនឹងហាសនៃការកត់ត្រាទី {seq} ទេ";
    EntryChanged => "hash does not match its contents (the entry was changed)", "ហាសមិនត្រូវនឹងខ្លឹមសារទេ (ការកត់ត្រាត្រូវបានកែប្រែ)";
    EntryUnreadable => "cannot be read: {detail}", "មិនអាចអានបាន៖ {detail}";
    EntryNotCanonical => "is not in canonical form", "មិនស្ថិតក្នុងទម្រង់ស្តង់ដារ (canonical) ទេ";
    EntrySeq => "its contents say seq {seq}", "ខ្លឹមសាររបស់វានិយាយថាលេខ {seq}";
    EntryBreaksRules => "breaks the rules of a count: {problem}", "បំពានច្បាប់នៃការរាប់៖ {problem}";
    EntryBadHash => "{what} is not a hash: {detail}", "{what} មិនមែនជាហាសទេ៖ {detail}";
    NoSuchFile => "{path}: no such file", "{path}៖ គ្មានឯកសារនេះទេ";
    RecordExists => "{path} already exists; a new count never overwrites a file", "{path} មានរួចហើយ; ការរាប់ថ្មីមិនសរសេរជាន់ឯកសារណាមួយទេ";
    NotARecord => "{path} is not a polltally count record ({detail})", "{path} មិនមែនជាកំណត់ត្រាការរាប់ polltally ទេ ({detail})";
    NoStationFile => "no station file: {detail}", "គ្មានឯកសារការិយាល័យ៖ {detail}";
    NotRegularFile => "not a regular file", "មិនមែនជាឯកសារធម្មតាទេ";
    NoWal => "the file system does not allow a write-ahead log (journal_mode {mode})", "ប្រព័ន្ធឯកសារមិនអនុញ្ញាតការសរសេរតាមរបៀប WAL (journal_mode {mode})";
    RecordDamaged => "{path} is damaged: {problem}", "{path} ខូចខាត៖ {problem}";
    RecordReadOnly => "{path} was opened for reading only", "{path} ត្រូវបានបើកសម្រាប់តែអានប៉ុណ្ណោះ";
    NotInFile => "the entry was written to {path}'s log but could not be brought into the file, so it is not acknowledged: {detail}", "ការកត់ត្រាត្រូវបានសរសេរទៅឯកសារ WAL របស់ {path} ប៉ុន្តែមិនអាចនាំចូលក្នុងឯកសារបានទេ ដូច្នេះវាមិនត្រូវបានទទួលស្គាល់ទេ៖ {detail}";
    CheckpointIncomplete => "{done} of {of} pages copied; another program is reading the record", "បានចម្លងទំព័រ {done} ក្នុងចំណោម {of}; កម្មវិធីផ្សេងកំពុងអានកំណត់ត្រា";
    IntegrityCheck => "SQLite's integrity check found: {found}", "ការពិនិត្យភាពត្រឹមត្រូវរបស់ SQLite បានរកឃើញ៖ {found}";
    SealRowDisagrees => "the seal row says the count was sealed at entry {row}, the journal says {journal} (its last entry is {last})", "ជួរត្រានិយាយថាការរាប់ត្រូវបានបិទត្រានៅការកត់ត្រាទី {row} បញ្ជីកត់ត្រានិយាយថា {journal} (ការកត់ត្រាចុងក្រោយរបស់វាគឺ {last})";
    RowWrongType => "a row holds a value of the wrong type in column {column}", "ជួរមួយមានតម្លៃខុសប្រភេទនៅជួរឈរ {column}";
    NotADatabase => "the file is not a SQLite database (or its first page is damaged)", "ឯកសារនេះមិនមែនជាមូលដ្ឋានទិន្នន័យ SQLite ទេ (ឬទំព័រទីមួយរបស់វាខូច)";
    DatabaseCorrupt => "SQLite finds the file malformed ({detail})", "SQLite រកឃើញថាឯកសារខុសទម្រង់ ({detail})";
    MirrorFailed => "live copy {path}: {problem}", "ច្បាប់ចម្លងផ្ទាល់ {path}៖ {problem}";
    MirrorIsRecord => "it is the record itself; choose a file on another medium (a USB stick)", "វាជាកំណត់ត្រាខ្លួនឯង; សូមជ្រើសឯកសារលើឧបករណ៍ផ្ទុកផ្សេង (ឧបករណ៍ផ្ទុកចល័ត)";
    MirrorOfOther => "it is not a copy of this record (its {n} entries end at {head}, which this record's journal does not)", "វាមិនមែនជាច្បាប់ចម្លងនៃកំណត់ត្រានេះទេ (ការកត់ត្រាចំនួន {n} របស់វាបញ្ចប់នៅ {head} ដែលបញ្ជីកត់ត្រានៃកំណត់ត្រានេះមិនមាន)";
    PathNotUtf8 => "{path} is not a UTF-8 path", "{path} មិនមែនជាផ្លូវ UTF-8 ទេ";
    MirrorNeedsWriting => "a live copy is kept only by a command that writes a record (new, figures, rule, void, dispute, present, withdraw, pile, explain, seal, recount)", "ច្បាប់ចម្លងផ្ទាល់ត្រូវបានរក្សាតែដោយពាក្យបញ្ជាដែលសរសេរកំណត់ត្រាប៉ុណ្ណោះ (new, figures, rule, void, dispute, present, withdraw, pile, explain, seal, recount)";
    MirrorGone => "the copy is no longer at its place (was the USB stick taken out?)", "ច្បាប់ចម្លងលែងនៅកន្លែងរបស់វាហើយ (តើឧបករណ៍ផ្ទុកចល័ត ត្រូវបានដកចេញទេ?)";
    SqliteDiskFull => "the disk is full: free some space, then go on (nothing acknowledged was lost)", "ថាសពេញ៖ សូមបង្កើតទំហំទំនេរ រួចបន្ត (គ្មានអ្វីដែលបានទទួលស្គាល់បាត់ទេ)";
    SqliteReadOnly => "the file or its folder cannot be written (read-only media?)", "មិនអាចសរសេរឯកសារ ឬថតរបស់វាបានទេ (ឧបករណ៍ផ្ទុកសម្រាប់តែអាន?)";
    SqliteCannotOpen => "the file cannot be opened (is its folder there, and may it be read and written?)", "មិនអាចបើកឯកសារបានទេ (តើថតរបស់វាមានទេ ហើយអាចអាន និងសរសេរបានទេ?)";
    SqliteBusy => "another program is writing the record; try again", "កម្មវិធីផ្សេងកំពុងសរសេរកំណត់ត្រា; សូមព្យាយាមម្ដងទៀត";
    SqliteIo => "the disk reported an error (was the USB stick taken out?) ({detail})", "ថាសបានរាយការណ៍កំហុស (តើឧបករណ៍ផ្ទុកចល័ត ត្រូវបានដកចេញទេ?) ({detail})";
    WalDamaged => "its -wal file is damaged at frame {frame}: the {dropped} whole frames after it ({commits} transactions) could not be applied; keep the record and its -wal as they are", "ឯកសារ -wal របស់វាខូចនៅស៊ុម {frame}៖ ស៊ុមពេញ {dropped} បន្ទាប់ពីវា (ប្រតិបត្តិការ {commits}) មិនអាចអនុវត្តបានទេ; សូមរក្សាកំណត់ត្រា និង -wal របស់វាទុកដដែល";
    NewerRecord => "{path} was written by a newer polltally (schema {found}, this one reads up to {max})", "{path} ត្រូវបានសរសេរដោយ polltally ថ្មីជាង (គ្រោង {found} កំណែនេះអានបានត្រឹម {max})";
    StoredStation => "the record's station file: {problem}", "ឯកសារការិយាល័យក្នុងកំណត់ត្រា៖ {problem}";
    ChangedElsewhere => "the record was changed by another program since it was opened; open it again", "កំណត់ត្រាត្រូវបានកែដោយកម្មវិធីផ្សេងតាំងពីបើក; សូមបើកវាម្ដងទៀត";
    CannotEncode => "cannot encode an entry: {detail}", "មិនអាចអ៊ិនកូដការកត់ត្រាបានទេ៖ {detail}";
    Record => "record: {problem}", "កំណត់ត្រា៖ {problem}";

    // Results files and verification.
    NotSealedResults => "the count is not sealed: results exist only for a sealed count", "ការរាប់មិនទាន់បិទត្រា៖ លទ្ធផលមានសម្រាប់តែការរាប់ដែលបានបិទត្រាប៉ុណ្ណោះ";
    ResultsFile => "results file: {problem}", "ឯកសារលទ្ធផល៖ {problem}";
    ResultsFormat => "format {found} is not \"polltally-results/1\"", "ទម្រង់ {found} មិនមែនជា \"polltally-results/1\" ទេ";
    NotCanonical => "the bytes are not in canonical form (the file was edited or re-saved)", "បៃមិនស្ថិតក្នុងទម្រង់ស្តង់ដារទេ (ឯកសារត្រូវបានកែ ឬរក្សាទុកឡើងវិញ)";
    Inconsistent => "{field} is {found}, but {why}", "{field} គឺ {found} ប៉ុន្តែ {why}";
    DeadlineIs => "the sealing time and the complaint days give {date} in {zone}", "ពេលបិទត្រា និងចំនួនថ្ងៃប្ដឹង ផ្ដល់ {date} តាមតំបន់ម៉ោង {zone}";
    VotesAddUp => "the votes add up to {n}", "សំឡេងឆ្នោតបូកបាន {n}";
    InvalidAddUp => "the invalid ballots add up to {n}", "សន្លឹកឆ្នោតមិនបានការបូកបាន {n}";
    ValidIs => "figures.valid is {n}", "figures.valid គឺ {n}";
    IssuedIs => "received - unused - spoiled is {n}", "ទទួល - មិនបានប្រើ - ខូច គឺ {n}";
    PartiesAre => "the parties are {list}", "គណបក្សគឺ {list}";
    NoSuchCheck => "no such check", "គ្មានការពិនិត្យនេះទេ";
    CheckMissing => "the check {check} is missing (a results file lists every check of its count)", "ការពិនិត្យ {check} បាត់ (ឯកសារលទ្ធផលរាយគ្រប់ការពិនិត្យនៃការរាប់របស់វា)";
    CheckUnexplained => "differs by {difference} and has no explanation; a seal needs one for every check that differs", "ខុសគ្នា {difference} ហើយគ្មានការពន្យល់; ការបិទត្រាត្រូវការការពន្យល់សម្រាប់គ្រប់ការពិនិត្យដែលខុសគ្នា";
    RulingUnexplained => "is pending (fewer ballots ruled than in the box) and has no explanation; a seal needs every ballot in the box ruled or the shortfall explained", "កំពុងរង់ចាំ (សន្លឹកឆ្នោតដែលបានសម្រេចតិចជាងក្នុងហិប) ហើយគ្មានការពន្យល់; ការបិទត្រាត្រូវការឱ្យសម្រេចគ្រប់សន្លឹកឆ្នោតក្នុងហិប ឬពន្យល់ពីការខ្វះ";
    NotPartyOfFile => "{value} is not a party of this results file", "{value} មិនមែនជាគណបក្សនៃឯកសារលទ្ធផលនេះទេ";
    SumTooLarge => "the sum is too large to count", "ផលបូកធំពេកមិនអាចរាប់បាន";
    FiguresGive => "the figures give {status} {difference}", "តួលេខផ្ដល់ {status} {difference}";
    NoticeOnPractice => "it must be present exactly on a practice count", "វាត្រូវមានតែលើការរាប់សាកល្បងប៉ុណ្ណោះ";
    SerialsGive => "the book's serials give {value}", "លេខរៀងរបស់សៀវភៅផ្ដល់ {value}";
    InFile => "{problem} ({path})", "{problem} (ឯកសារ {path})";
    CodeCharacter => "{value} has the character {c}, which no short code has", "{value} មានតួអក្សរ {c} ដែលកូដខ្លីគ្មាន";
    CodeLength => "{value} has {n} characters, a short code has {expected}", "{value} មាន {n} តួអក្សរ កូដខ្លីមាន {expected}";
    CodeLineIncomplete => "a station code and the short code of its form are needed", "ត្រូវការលេខកូដការិយាល័យ និងកូដខ្លីនៃទម្រង់របស់វា";
    TooManyCodeLines => "more than {max} lines; a codes file has one line a station", "លើសពី {max} បន្ទាត់ ឯកសារកូដមានមួយបន្ទាត់សម្រាប់ការិយាល័យមួយ";
    CodeMismatch => "{typed} does not match this results file (its code is {code}); the form and the file disagree", "{typed} មិនត្រូវនឹងឯកសារលទ្ធផលនេះទេ (កូដរបស់វាគឺ {code}); ទម្រង់លទ្ធផល និងឯកសារមិនស៊ីគ្នា";
    OtherElection => "the results file is for election {file}, the record for {record}", "ឯកសារលទ្ធផលសម្រាប់ការបោះឆ្នោត {file} កំណត់ត្រាសម្រាប់ {record}";
    OtherStation => "the results file is for station {file}, the record for {record}", "ឯកសារលទ្ធផលសម្រាប់ការិយាល័យ {file} កំណត់ត្រាសម្រាប់ {record}";
    FileSaysRecordSays => "the results file says {found}, the record says {expected}", "ឯកសារលទ្ធផលនិយាយថា {found} កំណត់ត្រានិយាយថា {expected}";
    CommuneDiffers => "the commune file says {found}, tabulating the results files gives {expected}", "ឯកសារឃុំ សង្កាត់និយាយថា {found} ការសរុបលទ្ធផលពីឯកសារផ្ដល់ {expected}";
    BytesDiffer => "the bytes differ", "បៃខុសគ្នា";
    HeadAdded => "{expected} is entry {seq}, but the record ends at entry {n} (hash {head}): entries were added after it", "{expected} ជាការកត់ត្រាទី {seq} ប៉ុន្តែកំណត់ត្រាបញ្ចប់នៅការកត់ត្រាទី {n} (ហាស {head})៖ មានការកត់ត្រាបន្ថែមក្រោយវា";
    HeadMissing => "{expected} is not in the record; the record ends at entry {n} (hash {head}): entries after it are missing or were changed", "{expected} មិនមានក្នុងកំណត់ត្រាទេ; កំណត់ត្រាបញ្ចប់នៅការកត់ត្រាទី {n} (ហាស {head})៖ ការកត់ត្រាក្រោយវាបាត់ ឬត្រូវបានកែ";
    NotQrPayload => "the QR code holds {value}, not a polltally-qr/1 payload (at {why})", "កូដ QR មាន {value} មិនមែនជាទិន្នន័យ polltally-qr/1 ទេ (នៅ {why})";
    QrSays => "the QR code says {found}, the file says {expected}", "កូដ QR និយាយថា {found} ឯកសារនិយាយថា {expected}";
    QrPartyCount => "the QR code has the votes of {found} parties, the file lists {expected}", "កូដ QR មានសំឡេងឆ្នោតនៃគណបក្សចំនួន {found} ឯកសាររាយចំនួន {expected}";
    QrStationNotInCommune => "station {station} is not counted in the commune file", "ការិយាល័យ {station} មិនត្រូវបានរាប់ក្នុងឯកសារឃុំ សង្កាត់ទេ";
    QrReplacedByRecount => "the commune file counts a recount of this station instead (results hash {recount})", "ឯកសារឃុំ សង្កាត់រាប់ការរាប់ឡើងវិញនៃការិយាល័យនេះជំនួសវិញ (ហាសលទ្ធផល {recount})";
    QrDisagrees => "the QR code of {image} and {file} disagree: {list}", "កូដ QR នៃ {image} និង {file} មិនស៊ីគ្នា៖ {list}";
    NoQrCode => "no readable QR code in {path}", "គ្មានកូដ QR ដែលអាចអានបាននៅក្នុង {path} ទេ";
    NotImage => "{path} is not a PNG or JPEG image that can be read: {detail}", "{path} មិនមែនជារូបភាព PNG ឬ JPEG ដែលអាចអានបានទេ៖ {detail}";

    // The shells: files, arguments, lines.
    CannotRead => "cannot read {path}: {detail}", "មិនអាចអាន {path} បានទេ៖ {detail}";
    CannotWrite => "cannot write {path}: {detail}", "មិនអាចសរសេរ {path} បានទេ៖ {detail}";
    CannotCreate => "cannot create {path}: {detail}", "មិនអាចបង្កើត {path} បានទេ៖ {detail}";
    OutExists => "{path} already exists; give --force to replace it", "{path} មានរួចហើយ; សូមផ្ដល់ --force ដើម្បីជំនួសវា";
    OutIsRecord => "{path} is a count record, which an output file never replaces", "{path} ជាកំណត់ត្រាការរាប់ ដែលឯកសារលទ្ធផលមិនដែលជំនួសទេ";
    OutIsInput => "{path} is one of the files this command reads, which an output file never replaces", "{path} ជាឯកសារមួយក្នុងចំណោមឯកសារដែលពាក្យបញ្ជានេះអាន ដែលឯកសារលទ្ធផលមិនដែលជំនួសទេ";
    OutNotRegular => "{path} is not a regular file (a folder, a device or a pipe), which an output file never replaces", "{path} មិនមែនជាឯកសារធម្មតាទេ (ជាថត ឧបករណ៍ ឬបំពង់) ដែលឯកសារលទ្ធផលមិនដែលជំនួសទេ";
    OutTwice => "{path} is named for two output files", "{path} ត្រូវបានដាក់ឈ្មោះសម្រាប់ឯកសារលទ្ធផលពីរ";
    SaveExists => "{path} already exists and holds something else; polltally never replaces a file: give another name", "{path} មានរួចហើយ ហើយផ្ទុកអ្វីផ្សេង; polltally មិនដែលជំនួសឯកសារទេ៖ សូមផ្ដល់ឈ្មោះផ្សេង";
    InStationFile => "{problem} (station file {path})", "{problem} (ឯកសារការិយាល័យ {path})";
    NoHome => "no home directory to keep the count records in", "គ្មានថតផ្ទះសម្រាប់រក្សាទុកកំណត់ត្រាការរាប់ទេ";
    WindowFailed => "the window could not be opened: {detail}", "មិនអាចបើកបង្អួចបានទេ៖ {detail}";
    NotScreen => "{value} is not a screen (station, reconciliation, counting, cross-check, results, verify, recount, tabulation, training)", "{value} មិនមែនជាអេក្រង់ទេ (station, reconciliation, counting, cross-check, results, verify, recount, tabulation, training)";
    VerifyNeedsInput => "give --record or --results", "សូមផ្ដល់ --record ឬ --results";
    RuleNeedsChoice => "give either --party or --invalid", "សូមផ្ដល់ --party ឬ --invalid";
    NotLang => "{value} is not en or km", "{value} មិនមែនជា en ឬ km ទេ";
    NotNumerals => "{value} is not western or khmer", "{value} មិនមែនជា western ឬ khmer ទេ";
    NotCopy => "{value} is not a copy (A, B or C)", "{value} មិនមែនជាច្បាប់ចម្លងទេ (A, B ឬ C)";
    LineUnreadable => "line {n}: cannot be read: {detail}", "បន្ទាត់ {n}៖ មិនអាចអានបាន៖ {detail}";
    Line => "line {n}: {text}: {problem}", "បន្ទាត់ {n}៖ {text}៖ {problem}";
    LineTooLong => "line {n}: longer than {max} bytes, the longest a ruling line may be: {text}", "បន្ទាត់ {n}៖ វែងជាង {max} បៃ ដែលជាបន្ទាត់ការសម្រេចវែងបំផុត៖ {text}";
    RecordedBefore => "{problem}; the rulings before this line are recorded: ok {first} to ok {last}, {n} in all", "{problem}; ការសម្រេចមុនបន្ទាត់នេះត្រូវបានកត់ត្រាទុក៖ ok {first} ដល់ ok {last} សរុប {n}";
    RecordedOneBefore => "{problem}; the ruling before this line is recorded: ok {seq}", "{problem}; ការសម្រេចមុនបន្ទាត់នេះត្រូវបានកត់ត្រាទុក៖ ok {seq}";
    FileTooLarge => "{path} is {size} bytes, more than {max}, the largest such a file may be", "{path} មានទំហំ {size} បៃ លើសពី {max} បៃ ដែលជាទំហំធំបំផុតនៃឯកសារបែបនេះ";
    FileOverMax => "{path} is larger than {max} bytes, the largest such a file may be", "{path} ធំជាង {max} បៃ ដែលជាទំហំធំបំផុតនៃឯកសារបែបនេះ";
    NotBallotNumber => "{value} is not a ballot number (the number written on its back)", "{value} មិនមែនជាលេខសន្លឹកឆ្នោតទេ (លេខដែលសរសេរនៅខាងក្រោយ)";
    NotPartyNumberAt => "{value} is not a party number", "{value} មិនមែនជាលេខគណបក្សទេ";
    PartyFirst => "{value} is not a party number (write the party first, then its valid criterion: `3 V3`)", "{value} មិនមែនជាលេខគណបក្សទេ (សរសេរគណបក្សមុន បន្ទាប់មកលក្ខណៈវិនិច្ឆ័យបានការ៖ `3 V3`)";
    DisputeAlone => "a dispute needs a ruling before it: `3 dispute=5`", "ការជំទាស់ត្រូវការការសម្រេចនៅពីមុខ៖ `3 dispute=5`";
    NotEncodable => "cannot be written as canonical JSON: {detail}", "មិនអាចសរសេរជា JSON ស្តង់ដារបានទេ៖ {detail}";
    TooManyWords => "too many words (write `3`, `3 V3` or `I2`, optionally followed by `dispute=5,7`)", "ពាក្យច្រើនពេក (សរសេរ `3`, `3 V3` ឬ `I2` អាចតាមដោយ `dispute=5,7`)";
    NoFilePath => "give a file path", "សូមផ្ដល់ផ្លូវឯកសារ";
    NotHandedOver => "{program} ended without handing the files over", "{program} បានបញ្ចប់ដោយមិនបានបញ្ជូនឯកសារទេ";
    ProgramStatus => "{program} ended with {status}", "{program} បានបញ្ចប់ជាមួយ {status}";
    NotWholeNumber => "\"{value}\" is not a whole number", "\"{value}\" មិនមែនជាចំនួនគត់ទេ";
    NotBookSerial => "{value} is not BOOK=SERIAL (B-1801=180057)", "{value} មិនមែនជា សៀវភៅ=លេខរៀង ទេ (B-1801=180057)";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::Message;
    use crate::i18n::{Bilingual, Lang, Tr};

    #[test]
    fn every_problem_has_english_and_khmer_with_the_same_placeholders() {
        for key in P::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?}");
            assert_eq!(
                crate::i18n::placeholders(key.en()),
                crate::i18n::placeholders(key.km()),
                "{key:?}"
            );
            assert!(
                key.km()
                    .chars()
                    .any(|c| ('\u{1780}'..='\u{17ff}').contains(&c)),
                "{key:?} has no Khmer text"
            );
        }
    }

    #[test]
    fn problems_render_in_khmer() {
        // A nested message with a field and numbers: every part is looked up
        // in Khmer and its numbers are written in Khmer numerals.
        let m = Message::new(P::InStationFile)
            .message(
                "problem",
                Message::new(P::TooLarge)
                    .num("value", 12u64)
                    .num("max", 10u64)
                    .at("registered_voters"),
            )
            .text("path", "station.json");
        let km = Tr::new(Lang::Km)
            .with_numerals(crate::domain::text::Numerals::Khmer)
            .message(&m);
        assert!(
            km.contains("registered_voters: ១២ ធំពេក (យ៉ាងច្រើន ១០)"),
            "{km}"
        );
        assert!(km.contains("station.json"), "{km}");
        assert_ne!(km, m.to_string());
        assert!(!km.contains("too large"), "{km}");
    }
}
