using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>The contexts after (or before) which <see cref="PersonNames"/> reads a person's name.</summary>
internal static partial class PersonNamePatterns
{
    // Titles written with a capital: "Mr. Okafor", "Frau Schneider", "M. Dubois", "Dr. Leah Goldstein"; chained academic titles.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<title>Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame|Lady|Lord|Herr|Herrn|Frau|Fr|Hr|M(?=\.)|Mme|Mlle|MM|Monsieur|Madame|Mademoiselle|Mevr|Dhr|Sr|Sra|Srta|Sig|Sig\.ra|Dott|Dott\.ssa|Ing|Mag)\.?[ \t]+(?:(?:Dr|Prof|Professor|Dott|Ing|Mag)\.?[ \t]+)*", RegexOptions.CultureInvariant)]
    public static partial Regex CapitalTitle();

    // Honorifics often written in lower case in running text: "el señor Ruiz", "dal signor Esposito", "panem Nowakiem", "κυρία Ελένη".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<title>señor|señora|señorita|don|doña|signor|signore|signora|signorina|meneer|mevrouw|pan|pani|panem|panią|pana|panu|senhor|senhora|herr|frau|monsieur|madame|κύριος|κύριε|κυρία|κύριο|κυρίου|господин|госпожа|господину|госпоже|г-н|г-жа|пан|пані)[ \t]+", RegexOptions.CultureInvariant)]
    public static partial Regex LowerTitle();

    // Honorifics after the name: "Mehmet Öztürk Bey", "Ayşe Hanım".
    [GeneratedRegex(@"(?<name>\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}]+){0,2})[ \t]+(?:Bey|Hanım|Hanim|Efendi)(?![\p{L}])", RegexOptions.CultureInvariant)]
    public static partial Regex HonorificAfter();

    // Introductions that name the writer for sure.
    [GeneratedRegex(@"(?<![\p{L}])(?:my name is|my name's|my real name is|my full name is|je m['’]appelle|mon nom est|ich heiße|ich heisse|mein name ist|me llamo|mi nombre es|mi chiamo|il mio nome è|mijn naam is|ik heet|nazywam się|mam na imię|o meu nome é|o meu nome e|meu nome é|chamo-me|me chamo|benim adım|jag heter|jeg heter|mitt namn är|tên tôi là|jmenuji se|volám sa|nama saya|ég heiti|mă numesc|minun nimeni on|is mise|меня зовут|мене звати|ονομάζομαι|με λένε)[ \t]*[,:]?[ \t]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex StrongIntroduction();

    // "I am X", "this is X", "ich bin X", "soy X", "ben X": a name only if it looks like one (see PersonNames).
    [GeneratedRegex(@"(?<![\p{L}'’])(?:I am|I['’]m|this is|it['’]s|its|here is|je suis|c['’]est|ich bin|hier ist|hier spricht|soy|sono|ik ben|jestem|sou|eu sou|ben|jag är|jeg er|dette er|tôi là|jsem|saya|sunt|olen|я|это|είμαι)[ \t]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex WeakIntroduction();

    // Chat style in lower case: "hey its jessica lee here", "hello this is raj patel, ...", "hi, mark here".
    [GeneratedRegex(@"(?<![\p{L}])(?:(?:this is|it['’]?s|my name is|i['’]?m)[ \t]+(?<name>\p{Ll}[\p{Ll}'’-]+(?:[ \t](?!here\b|again\b)\p{Ll}[\p{Ll}'’-]+)?)(?=[ \t]+(?:here|again)\b|[ \t]*,)|^(?:hi|hey|hello|yo)[ \t]*[,!]?[ \t]+(?<name>\p{Ll}[\p{Ll}'’-]+)(?=[ \t]+here\b))", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex LowerCaseIntroduction();

    // Hungarian order, name before the verb: "Kovács Péter vagyok".
    [GeneratedRegex(@"(?<name>\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}]+){1,2})[ \t]+vagyok(?![\p{L}])", RegexOptions.CultureInvariant)]
    public static partial Regex NameBeforeVerb();

    // Field labels: "Name: ...", "From: ...", "CC: ...", "Kunde: ...", "Получатель: ...".
    [GeneratedRegex(@"(?<![\p{L}])(?:full name|customer name|client name|name|customer|client|from|to|cc|bcc|attention|attn|recipient|submitted by|signed by|sent by|requested by|contact person|emergency contact|contact|account owner|account holder|cardholder|card holder|passenger|patient|guest|kunde|kundin|ansprechpartner|ansprechpartnerin|kontaktperson|kontakt|empfänger|absender|nom complet|nom|destinataire|expéditeur|nombre completo|nombre|destinatario|remitente|nome|naam|klant|contactpersoon|imię i nazwisko|odbiorca|nadawca|получатель|отправитель|клиент|фио|παραλήπτης|όνομα|alıcı|müşteri)[ \t]*[:：][ \t]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex FieldLabel();

    // Closings before a signature: the name follows on the next line or after a comma.
    [GeneratedRegex(@"(?<![\p{L}])(?:kind regards|best regards|warm regards|warmest regards|regards|many thanks|thanks again|thanks|thank you|best wishes|all the best|best|cheers|sincerely|yours sincerely|yours faithfully|yours truly|yours|signed|mit freundlichen grüßen|mit freundlichem gruß|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|grüße|gruß|cordialement|bien cordialement|bien à vous|salutations|amitiés|atentamente|saludos cordiales|un saludo|saludos|cordiali saluti|distinti saluti|saluti|met vriendelijke groet|vriendelijke groet|groeten|pozdrawiam|z poważaniem|atenciosamente|cumprimentos|med vänliga hälsningar|vänliga hälsningar|hälsningar|med venlig hilsen|venlig hilsen|med vennlig hilsen|hilsen|ystävällisin terveisin|terveisin|с уважением|с наилучшими пожеланиями|з повагою|με εκτίμηση|φιλικά|saygılarımla|s pozdravem|üdvözlettel)[ \t]*[,!.]?[ \t]*(?:\r?\n[ \t]*|,[ \t]*|[ \t]+-[ \t]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex Closing();

    // Greetings at the start of a text, line or sentence: "Hi Chloe", "Dear Elena", "Hallo Jan", "Thanks Chloe".
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:hi|hello|hey|hiya|dear|good morning|good afternoon|thanks|thank you|thx|hallo|liebe|lieber|sehr geehrte|sehr geehrter|guten tag|moin|servus|bonjour|bonsoir|salut|cher|chère|hola|buenos días|buenas tardes|estimado|estimada|querido|querida|ciao|salve|buongiorno|gentile|gentilissima|caro|cara|beste|geachte|hoi|hej|hei|moi|olá|prezado|prezada|witam|dzień dobry|здравствуйте|привет|уважаемый|уважаемая|добрый день|γεια σου|γεια σας|αγαπητέ|αγαπητή|merhaba|sayın)[ \t]*,?[ \t]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    public static partial Regex Greeting();

    // Person words before a name: "my husband, Liam Hartigan", "Customer Olumide", "the technician, Samuel Osei".
    [GeneratedRegex(@"(?<![\p{L}])(?:customer|client|caller|agent|advisor|adviser|technician|engineer|driver|courier|colleague|co-worker|coworker|neighbour|neighbor|husband|wife|partner|fiancé|fiancée|son|daughter|father|dad|mother|mum|mom|aunt|uncle|brother|sister|grandmother|grandma|grandfather|grandpa|niece|nephew|cousin|guardian of|reviewer|manager|team lead|supervisor|boss|assistant|secretary|tenant|landlord|patient|employee|consultant|representative|conseiller|conseillère|collègue|voisin|voisine|mari|fils|fille|kunde|kundin|kollege|kollegin|nachbar|nachbarin|ehemann|ehefrau|sohn|tochter|mutter|vater|techniker|fahrer|cliente|compañero|compañera|vecino|vecina|marido|esposa|esposo|hijo|hija|madre|padre|collega|vicino|vicina|marito|moglie|figlio|figlia|klant|buurman|buurvrouw|zoon|dochter|moeder|vader|клиент|клиентка|коллега|муж|жена|сын|дочь|мать|отец)(?:['’]s)?[ \t]*,?[ \t]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex PersonWord();

    // Phrases after which a name follows: "signed for by", "on behalf of", "under the name", "au nom de", ...
    [GeneratedRegex(@"(?<![\p{L}])(?:pass (?:this|it) (?:on )?to|forward(?:ed|ing)? (?:this |it )?to|talked to|talk to|spoke (?:to|with)|speak (?:to|with)|spoken (?:to|with)|signed for by|on behalf of|someone named|somebody named|a (?:man|woman|lady|guy) named|named|under the name(?: of)?|in the name of|name on the card is|name (?:is|was)|his name's|her name's|made out to|addressed to|placed by|bought by|ordered by|opened by|reported by|submitted by|assembled by|approved by|holder is|contact person to|password for|account for|access for|au nom de|a nombre de|a nome di|op naam van|im namen von|auf den namen|de la part de|en nombre de|per conto di|im auftrag von|ask|tell|thank|remind|call|email|cc|with|and|to|by|for)[ \t]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex PersonPhrase();

    // Verbs and prepositions after a lone given name: "Anna from accounts", "Noah and I", "Christian sagt".
    [GeneratedRegex(@"\G[ \t]+(?:from|at|in|of|and I|and me|said|says|told|asked|called|rang|wrote|emailed|promised|confirmed|reported|replied|answered|mentioned|explained|wants|needs|is|was|has|had|will|would|can|could|did|does|sagt|sagte|meinte|hat|ist|schrieb|a dit|dit|dijo|dice|ha detto|zei|heeft)(?![\p{L}])", RegexOptions.CultureInvariant)]
    public static partial Regex AfterLoneName();

    // A determiner right before a candidate: "the Billy bookcase", "our Thomas set".
    [GeneratedRegex(@"(?:^|[^\p{L}])(?:the|a|an|our|your|their|this|these|those|my|his|her|its|der|die|das|le|la|les|el|los|las|il|lo|de|het)[ \t]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex DeterminerBefore();

    // Typical family-name endings (Slavic, Greek, Nordic, Romanian, Turkish, Spanish, Italian), Latin, Cyrillic and Greek script.
    [GeneratedRegex(@"(?:ov|ova|ev|eva|sky|ski|ska|skiy|skaya|enko|chuk|czuk|czyk|wicz|owicz|ović|ovic|ević|evic|escu|eanu|oğlu|oglu|opoulos|opoulou|idis|ides|akis|sson|dóttir|dottir|ová|ovich|ovna|evna|ez|ini|elli|etti|ucci|ов|ова|ову|овым|ев|ева|еву|ин|ина|ину|ский|ская|скому|цкий|цкая|енко|ук|юк|чук|ович|евич|овна|евна|άκης|άκη|ίδης|ίδη|όπουλος|οπούλου|ίου|ου)$", RegexOptions.CultureInvariant)]
    public static partial Regex SurnameEnding();

    // Scripts without case, after an introduction or honorific: Arabic, Hebrew, Persian, Devanagari, Thai, Tamil.
    [GeneratedRegex(@"(?<![\p{L}])(?:اسمي|أنا|انا|السيدة|السيد|الأستاذة|الأستاذ|شكرا|مع التحية|שמי הוא|שמי|אני|גברת|מרת|מר|मेरा नाम|श्रीमती|श्री|ดิฉันชื่อ|ผมชื่อ|ชื่อ|คุณ|என் பெயர்|திருமதி|திரு)(?:[ \t]*[،,:][ \t]*|[ \t]+)(?=[\p{IsArabic}\p{IsHebrew}\p{IsDevanagari}\p{IsThai}\p{IsTamil}])", RegexOptions.CultureInvariant)]
    public static partial Regex CaselessContext();

    // Chinese and Japanese introductions and labels: "我是王小明，", "收件人：陈建国", "担当：鈴木花子", "顧客：高橋健一".
    [GeneratedRegex(@"(?:我是|我叫|本人|(?:收件人|联系人|客户|顾客|顧客|姓名|担当|名前|氏名|お名前)[ \t]*[：:]?[ \t]*)(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4})", RegexOptions.CultureInvariant)]
    public static partial Regex CjkLabel();

    // Japanese name before an honorific or です: "佐藤様", "マイケル・ジョンソンさん", "山田太郎です".
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}\p{IsKatakana}・])(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4}|[\p{IsKatakana}ー]{2,}(?:・[\p{IsKatakana}ー]{2,})+)(?:様|さん|さま|氏|殿|くん|ちゃん|です(?=[。！、\s]|$))", RegexOptions.CultureInvariant)]
    public static partial Regex JapaneseHonorific();

    // Chinese name before an honorific: "李娜女士", "张先生" (two characters: the usual given-name length).
    [GeneratedRegex(@"(?<name>[\p{IsCJKUnifiedIdeographs}]{2})(?:女士|先生|小姐)", RegexOptions.CultureInvariant)]
    public static partial Regex ChineseHonorific();

    // Korean: "김민준입니다", "이서연 고객님", "고객명: 박지훈".
    [GeneratedRegex(@"(?:(?<![가-힣])(?<name>[가-힣]{2,4})[ \t]?(?:입니다|이에요|예요|고객님|님|씨)|(?:고객명|이름|성명|받는 ?분)[ \t]*[:：][ \t]*(?<name>[가-힣]{2,4}))", RegexOptions.CultureInvariant)]
    public static partial Regex KoreanName();

    // Persian "I am X": "من مریم رضایی هستم".
    [GeneratedRegex(@"(?<![\p{L}])من[ \t]+(?<name>[\p{IsArabic}]+(?:[ \t][\p{IsArabic}]+)?)[ \t]+هستم", RegexOptions.CultureInvariant)]
    public static partial Regex PersianIntroduction();
}
