using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Scrub.People;

/// <summary>One case per person-name rule of <see cref="PersonNames"/> (examples written for these tests, not taken from the corpora), and look-alikes that must survive.</summary>
public sealed class PersonNamesTests
{
    private static readonly PiiScrubber Scrubber = new(new PiiScrubberOptions { Types = [PiiType.Name] });

    private static IEnumerable<string> Names(string text) => Scrubber.Find(text).Select(f => f.Value);

    [Theory]
    [InlineData("Dear Mr. Okonjo, thanks for waiting.", "Okonjo")]
    [InlineData("Bitte an Frau Lindemann weiterleiten.", "Lindemann")]
    [InlineData("Prof. Dr. Ute Brandt leitet das Projekt.", "Ute Brandt")]
    [InlineData("Merci de rappeler Mme Fournier demain.", "Fournier")]
    public void A_capitalized_title_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("Hablé con la señora Beltrán ayer.", "Beltrán")]
    [InlineData("Ho parlato con il signor Ferri stamattina.", "Ferri")]
    [InlineData("Rozmawiałem z panią Kamińską o fakturze.", "Kamińską")]
    [InlineData("Ο κύριος Νικολάου τηλεφώνησε.", "Νικολάου")]
    public void A_lower_case_honorific_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Fact]
    public void An_honorific_after_the_name_marks_it() => Assert.Equal(["Ahmet Kaya"], Names("Ahmet Kaya Bey aradı, fatura yanlış."));

    [Theory]
    [InlineData("Hello, my name is Oskar Lind and I need help.", "Oskar Lind")]
    [InlineData("Je m'appelle Inès Barbier.", "Inès Barbier")]
    [InlineData("Меня зовут Павел Соколов, заказ не пришёл.", "Павел Соколов")]
    [InlineData("Mein Name ist Grünewald, Sie haben mich angerufen.", "Grünewald")]
    public void A_firm_introduction_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("I'm Greta Holm from procurement.", "Greta Holm")]
    [InlineData("Soy Carmen, la dueña de la cuenta.", "Carmen")]
    [InlineData("hey its tom here, the app froze", "tom")]
    [InlineData("hello this is anil kumar, my parcel is late", "anil kumar")]
    public void A_loose_introduction_needs_a_known_given_name_or_two_words(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("I'm Sorry about the delay.")]
    [InlineData("This is Apple Support calling.")]
    [InlineData("its not working here, again")]
    public void A_loose_introduction_of_something_else_is_not_a_name(string text) => Assert.Empty(Names(text));

    [Theory]
    [InlineData("Name: Priyanka Rao\nOrder: 1182", new[] { "Priyanka Rao" })]
    [InlineData("CC: Mateo Ruiz, Selma Berg", new[] { "Mateo Ruiz", "Selma Berg" })]
    [InlineData("Submitted by: Lindqvist, Erik", new[] { "Lindqvist, Erik" })]
    [InlineData("Получатель: Ирина Белова", new[] { "Ирина Белова" })]
    public void A_field_label_is_followed_by_names(string text, string[] names) => Assert.Equal(names, Names(text));

    [Fact]
    public void A_label_before_an_unknown_single_word_is_not_a_name() => Assert.Empty(Names("From: Amazon\nSubject: your order"));

    [Theory]
    [InlineData("Kind regards,\nMargot Ellis\nPurchasing", "Margot Ellis")]
    [InlineData("Mit freundlichen Grüßen\nJonas Pfeiffer", "Jonas Pfeiffer")]
    [InlineData("Cheers, A. K. Mensah", "A. K. Mensah")]
    public void A_closing_is_followed_by_a_signature(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("Hi Priya, thanks for the help.", "Priya")]
    [InlineData("Dear Elif,\nyour refund is on its way.", "Elif")]
    [InlineData("Hallo Jannik, danke!", "Jannik")]
    public void A_greeting_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("My wife, Harriet Cole, placed the order.", "Harriet Cole")]
    [InlineData("Agent Tomasz closed the ticket too early.", "Tomasz")]
    [InlineData("Mi hija Valentina rompió la pantalla.", "Valentina")]
    public void A_person_word_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("The parcel was signed for by K. Osei, whom we don't know.", "K. Osei")]
    [InlineData("The booking is under the name Lina Haddad.", "Lina Haddad")]
    [InlineData("Could you ask Tobias to call me?", "Tobias")]
    [InlineData("Le compte est au nom de Gaëlle Roux.", "Gaëlle Roux")]
    public void A_person_phrase_is_followed_by_a_name(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("Laura Becker reported the same bug.", "Laura Becker")]
    [InlineData("Please loop in Robert T. Hughes on this.", "Robert T. Hughes")]
    [InlineData("Customer feedback from ANNA NOWAK, typed in capitals.", "ANNA NOWAK")]
    [InlineData("Nguyễn Văn Nam asked for an invoice.", "Nguyễn Văn Nam")]
    [InlineData("Передайте Сергею Кузнецову, что заказ готов.", "Сергею Кузнецову")]
    public void Known_given_names_family_names_first_and_family_name_endings_make_names(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("Priya from billing called twice.", "Priya")]
    [InlineData("Noah and I share the account.", "Noah")]
    public void A_lone_given_name_counts_before_a_verb_or_preposition(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("我是刘洋，订单还没到。", "刘洋")]
    [InlineData("田中様から連絡がありました。", "田中")]
    [InlineData("박서준입니다. 환불 부탁드립니다.", "박서준")]
    [InlineData("收件人：赵敏", "赵敏")]
    [InlineData("请联系王芳女士。", "王芳")]
    public void Chinese_Japanese_and_Korean_names_come_from_labels_and_honorifics(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("اسمي ليلى حسن وأحتاج مساعدة", "ليلى حسن")]
    [InlineData("שמי דניאל לוי ואני לא מצליח להתחבר", "דניאל לוי")]
    [InlineData("नमस्ते, मेरा नाम अमित वर्मा है", "अमित वर्मा")]
    public void Names_in_scripts_without_case_come_from_introductions(string text, string name) => Assert.Equal([name], Names(text));

    [Theory]
    [InlineData("My Dr. Martens boots split at the heel.")]
    [InlineData("The Mr. Coffee maker leaks.")]
    [InlineData("The Hugo Boss suit needs shortening.")]
    [InlineData("Ask Alexa to reorder the filters.")]
    [InlineData("The Billy bookcase came without screws.")]
    [InlineData("Das Frau Holle Kissen ist ausverkauft.")]
    [InlineData("I bought a Ralph Lauren shirt in Santa Clara.")]
    [InlineData("The Harry Potter Hogwarts castle set is missing a bag.")]
    [InlineData("Thanks for the quick reply, it works now.")]
    [InlineData("Sehr geehrte Damen und Herren, die Lieferung fehlt.")]
    [InlineData("Delivery in May was fine, June was late.")]
    [InlineData("The Victoria Line was closed, so the courier was late.")]
    [InlineData("Hello Kitty pencil cases are sold out.")]
    [InlineData("We ship from Charlotte to Florence and Jackson.")]
    [InlineData("小米手环不能充电。")]
    public void Look_alikes_are_not_names(string text) => Assert.Empty(Names(text));

    [Fact]
    public void A_name_inside_an_address_is_part_of_the_address()
    {
        var findings = new PiiScrubber().Find("Livraison au 14 avenue Jean Jaurès, 31000 Toulouse.");
        Assert.Equal([PiiType.Address], findings.Select(f => f.Type));
    }
}
