using System.Text.RegularExpressions;

namespace HeteroAgents.Flywheel;

/// <summary>Street lines and postcode forms that <see cref="PostalAddresses"/> joins into addresses.</summary>
internal static partial class PostalAddressPatterns
{
    private const string Cap = @"\p{Lu}[\p{L}\p{M}'’.-]*";

    // English order, number first: "1420 Maple Avenue", "Flat 2, 18 Kingsley Road", "3100 W Sunset Blvd", "7/14 Smith Street".
    [GeneratedRegex(@"(?<![\p{L}\p{N}/-])(?:(?:Flat|Apt|Apartment|Unit|Suite|Ste)\.?[ \t]*\d+[A-Za-z]?,?[ \t]+)?\d{1,5}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?)?,?[ \t]+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ \t]+)?(?:" + Cap + @"[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Close|Crescent|Cres|Terrace|Tce|Way|Place|Pl|Court|Ct|Square|Sq|Parade|Grove|Gardens|Gdns|Mews|Row|Walk|Hill|Park|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Wharf|Quay|Green|View|Rise|Heights|Acre|Market)(?![\p{L}])\.?(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)(?![\p{L}]))?", RegexOptions.CultureInvariant)]
    public static partial Regex NumberFirstStreet();

    // Name then number, with a street word attached or apart: "Lindenstraße 27", "Mariahilfer Straße 45/7", "Keizersgracht 418-2",
    // "Karl Johans gate 22", "Am Kirchberg 3a".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:" + Cap + @"[ \t]+){0,2}\p{Lu}[\p{L}\p{M}-]*?(?i:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|steig|pfad|chaussee|graben|gracht|straat|laan|plein|kade|singel|dijk|gatan|vägen|gränd|torget|gade|vej|allé|gata|veien|katu|tie|utca)|(?:" + Cap + @"[ \t]+){1,2}(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|gate|gata|gade|vej|vei|veien|gatan|vägen|katu|utca)|(?:Am|An der|Auf der|Im|In der|Zum|Zur|An den)[ \t]+\p{Lu}[\p{L}\p{M}-]+)[ \t]*\d{1,4}(?:[ \t]?[a-zA-Z](?![\p{L}\p{N}]))?(?:[-/]\d{1,4}[a-zA-Z]?)*(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex NameThenNumberStreet();

    // Street word first (Romance, Polish, Romanian, Belgian French): "Via Giuseppe Garibaldi 15", "Calle de Alcalá 123",
    // "Rua Oscar Freire, 900", "ul. Marszałkowska 84/92 m. 15", "Av. Insurgentes Sur 1602".
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Calle|C/|Avenida|Avda\.|Av\.|Avinguda|Carrer|Paseo|Plaza|Plaça|Camino|Carretera|Ronda|Rua|Praça|Travessa|Estrada|Alameda|ul\.|ulica|al\.|aleja|os\.|Strada|Bulevardul|Calea|Rue|Avenue|Boulevard|Bd|Chemin|Impasse|Allée|Quai|Cours|Sentier)[ \t]+(?:(?:de|del|de la|de los|de las|des|du|di|della|dei|delle|do|da|dos|das|d['’]|l['’])[ \t]*)?\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:(?:de|del|la|des|du|di|della|do|da|dos)[ \t]+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,3},?[ \t]+(?:n[º°o]\.?[ \t]*)?\d{1,4}(?:[ \t]?(?:bis|ter|[a-zA-Z])(?![\p{L}\p{N}]))?(?:[-/]\d{1,4}[a-zA-Z]?)*(?:[ \t]+m\.[ \t]*\d+)?(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex WordFirstStreet();

    // French order, number first and the street word in lower case: "8 rue des Acacias", "14 bis avenue Jean Jaurès", "455 Rue Sainte-Catherine O".
    [GeneratedRegex(@"(?<![\p{L}\p{N}/-])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue|avenue|av\.|boulevard|bd|chemin|place|impasse|allée|quai|cours|route|passage|square|rond-point|voie|sentier)[ \t]+(?:(?:de la|de l['’]|des|du|de|d['’]|la|le|les)[ \t]*)?\p{L}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:de|du|des|la|le|d['’])[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}(?:[ \t]+[NSEO](?![\p{L}]))?", RegexOptions.CultureInvariant)]
    public static partial Regex FrenchStreet();

    // Russian and Ukrainian: "ул. Ленина, д. 15, кв. 42", "Невский проспект, 28, кв. 5".
    [GeneratedRegex(@"(?:(?<![\p{L}])(?:ул\.|улица|вул\.|вулиця|пр-т|просп\.|проспект|пер\.|переулок|наб\.|набережная|бульвар|б-р|шоссе|пл\.|площадь)[ \t]*\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*)?|\p{Lu}[\p{L}-]+[ \t]+(?:проспект|улица|переулок|бульвар|шоссе|набережная))(?:,[ \t]*(?:д\.|дом)?[ \t]*\d+[а-я]?)(?:,[ \t]*(?:кв\.|квартира|корп\.|стр\.|оф\.)[ \t]*\d+)*", RegexOptions.CultureInvariant)]
    public static partial Regex CyrillicStreet();

    [GeneratedRegex(@"(?<![\p{L}])(?:P\.?[ \t]?O\.?[ \t]?Box|Post Office Box|Postfach|Boîte postale|Apartado(?: de correos)?)[ \t]+\d{1,6}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex PostBox();

    private const string City = @"\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:im|am|an der|in der|sur|sous|de|del|de la|la|le|les|di|d['’])[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,2}(?:[ \t]+(?:[A-Z]{1,2}|\d{1,2})(?![\p{L}\p{N}]))?";

    // Postcode before the city: 5 digits (DE, FR, ES, IT, MX, ...), 4 digits (AT, CH, BE, DK, NO, ...), 4 digits + 2
    // letters (NL), 3+2 digits (SE, CZ, SK, GR), 2-3 digits (PL), 4-3 digits (PT), 6 digits (RO).
    [GeneratedRegex(@"(?<![\p{L}\p{N}#.,/-])(?<code>\d{5}|\d{4}[ \t]?[A-Z]{2}|\d{3}[ \t]\d{2}|\d{2}-\d{3}|\d{4}-\d{3}|\d{6}|\d{4})[ \t]+(?<city>" + City + ")", RegexOptions.CultureInvariant)]
    public static partial Regex PostcodeCity();

    // City, state and ZIP (US), province and postal code (CA), suburb, state and postcode (AU).
    [GeneratedRegex(@"(?<![\p{L}])(?:" + Cap + @"(?:[ \t]+" + Cap + @"){0,2},[ \t]+(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)[ \t]+\d{5}(?:-\d{4})?|(?:" + Cap + @"(?:[ \t]+" + Cap + @"){0,2},[ \t]+)?(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)[ \t]+[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|" + Cap + @"(?:[ \t]+" + Cap + @"){0,2}[ \t]+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+\d{4})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex NorthAmericaAustralia();

    // UK postcode, with the town before or after it: "Leeds LS6 2BE", "SE1 7PB London", "Chipping Norton, OX7 5AB".
    [GeneratedRegex(@"(?:(?<![\p{L}])" + Cap + @"(?:[ \t]+" + Cap + @")?,?[ \t]+)?(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}(?![A-Za-z0-9])(?:[ \t]+(?!Please|Thanks|The)" + Cap + ")?", RegexOptions.CultureInvariant)]
    public static partial Regex UkPostcode();

    // Weak forms, counted only next to another part of an address: a town then 6 digits (IN, RU), an Irish Eircode,
    // a Brazilian CEP, a town then a district number ("Dublin 2").
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:" + Cap + @"(?:[ \t]+" + Cap + @")?,?[ \t]+\d{6}|[AC-FHKNPRTV-Y]\d{2}[ \t]?[0-9AC-FHKNPRTV-Y]{4}|\d{5}-\d{3})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex WeakPostcode();

    // Japanese (〒 or prefecture + city + block), Chinese (city + district + road + number), Korean (city + district + road + number).
    [GeneratedRegex(@"〒\d{3}-\d{4}[ \t]*[^\s、。，,：:\p{IsHiragana}]*|[\p{IsCJKUnifiedIdeographs}]{1,3}[都道府県][\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{1,12}?[市区町村郡][^\s、。，,：:\p{IsHiragana}]*?\d[\d\-－丁目番地号条西東南北]*|[\p{IsCJKUnifiedIdeographs}]{2,3}[省市][\p{IsCJKUnifiedIdeographs}]{1,6}?[区县市][\p{IsCJKUnifiedIdeographs}\d]{1,12}?(?:路|街|大道|道|巷|弄|胡同)\d+号(?:[ \t]*\d{6})?|[가-힣]+(?:특별시|광역시|특별자치시|도)[ \t]+[가-힣]+[구군시][ \t]+[가-힣\d]+(?:로|길|대로)[ \t]*\d+(?:-\d+)?", RegexOptions.CultureInvariant)]
    public static partial Regex EastAsian();

    // A piece between two parts of one address: a unit ("Apt 5B", "3º izquierda", "2. th.", "кв. 42"), a locality
    // ("Springfield", "Col. Crédito Constructor", "Dublin 2") or a direction letter.
    [GeneratedRegex(@"^(?:(?:Apt|Apartment|Unit|Suite|Ste|Flat|Floor|Fl|Bât|Bat|Bâtiment|Bldg|Building|Col|Colonia|Piso|Planta|Puerta|Esc|app|appt|Wohnung|Whg|Stiege|Top|Tür|кв|д)\.?[ \t]*[\p{L}\p{N}º°]+|\d+[\p{L}º°.]*(?:[ \t]+\p{L}+\.?)?|" + Cap + @"(?:[ \t]+(?:(?:de|del|la|le|des|du|di|da|do|dos|im|am)[ \t]+)?" + Cap + @"){0,3}(?:[ \t]+\d{1,2})?|[A-Z]{1,3}|)$", RegexOptions.CultureInvariant)]
    public static partial Regex Between();

    // A piece before the first part: a unit, a building or a street line ("Flat 302", "Lotus Apartments", "The Old Rectory",
    // "Résidence Les Pins", "MG Road", "Vinohradská 1511/230", "Ερμού 25").
    [GeneratedRegex(@"^(?:(?:Apt|Apartment|Unit|Suite|Ste|Flat|Bât|Bâtiment|Building|Bldg)\.?[ \t]*[\p{L}\p{N}]+|(?:" + Cap + @"[ \t]+){0,3}(?:Apartments|Apartment|Rectory|Cottage|House|Lodge|Farm|Villa|Manor|Residence|Résidence|Mansions|Court|Building|Tower|Hall|Barn|Mill|Road|Street|Lane|Avenue|Park)(?:[ \t]+" + Cap + @")*|" + Cap + @"(?:[ \t]+" + Cap + @"){0,2}[ \t]+\d{1,4}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)*)$", RegexOptions.CultureInvariant)]
    public static partial Regex Before();

    // The capitalized words at the end of a piece ("Return label for The Old Rectory" → "The Old Rectory").
    [GeneratedRegex(@"(?:" + Cap + @"[ \t]+)*" + Cap + "$", RegexOptions.CultureInvariant)]
    public static partial Regex TrailingCapitals();

    // Words before a number that make it a quantity or a reference, not a house number or postcode.
    [GeneratedRegex(@"(?:order|orders|ordered|invoice|ticket|case|batch|version|error|code|nr|ref|lot|sku|item|model|part|qty|bought|buy|sold|x|build|firmware|since|in the year)[ \t#:.]*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex ReferenceBefore();

    // A preposition that introduces a place: makes a lone "1010 Wien" an address.
    [GeneratedRegex(@"(?:^|[^\p{L}])(?:in|to|nach|à|en|a|at|near|bei|aus|from|chez|de)[ \t]+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex PlaceBefore();
}
