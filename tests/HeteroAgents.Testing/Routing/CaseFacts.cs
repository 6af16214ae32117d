using System.Globalization;

namespace HeteroAgents.Testing.Routing;

/// <summary>The made-up facts of one case (customer, order, product, money, date), drawn from a seeded generator, and the ways texts write them.</summary>
internal sealed class CaseFacts
{
    private static readonly string[] Names = ["Maria Lopez", "James Chen", "Aisha Khan", "Tom Becker", "Sofia Rossi", "Liam O'Brien", "Yuki Tanaka",
        "Noah Schmidt", "Emma Dubois", "Oliver Novak", "Priya Raman", "Lucas Silva", "Hannah Weber", "Mateo Garcia"];

    private static readonly string[] Products = ["wireless headphones", "standing desk", "espresso machine", "running shoes", "monitor", "yoga mat",
        "air purifier", "mechanical keyboard", "winter jacket", "blender", "smart watch", "office chair", "backpack", "electric kettle"];

    private static readonly string[] Cities = ["Lyon", "Leeds", "Austin", "Porto", "Munich", "Osaka", "Toronto", "Krakow", "Dublin", "Melbourne"];

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly Random _rng;

    public CaseFacts(Random rng)
    {
        _rng = rng;
        Name = Pick(Names);
        Order = NewOrder();
        Product = Pick(Products);
        City = Pick(Cities);
        Days = rng.Next(2, 22);
        Quantity = rng.Next(1, 6);
        Amount = rng.Next(2_000, 250_000) / 100m;
        Shipping = rng.Next(400, 2_500) / 100m;
        Date = new DateOnly(2024, rng.Next(1, 13), rng.Next(1, 29));
    }

    public string Name { get; }

    public string FirstName => Name.Split(' ')[0];

    public string Order { get; }

    public string Product { get; }

    public string City { get; }

    public int Days { get; }

    public int Quantity { get; }

    public decimal Amount { get; }

    public decimal Shipping { get; }

    public DateOnly Date { get; }

    public string IsoDate => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    public double Between(double low, double high) => low + (_rng.NextDouble() * (high - low));

    public string NewOrder() => $"{Pick(["US", "EU", "UK", "JP"])}-{_rng.Next(100_000, 1_000_000)}";

    public string OtherName() => Pick(Names.Where(n => n.Split(' ')[0] != FirstName && n.Split(' ')[1] != Name.Split(' ')[1]).ToList());

    public string OtherCity() => Pick(Cities.Where(c => c != City).ToList());

    /// <summary>A money amount as texts write it: €1.234,50, $1,234.50, 1234.50 EUR or £1,234.50.</summary>
    public string Money(decimal amount) => _rng.Next(4) switch
    {
        0 => "€" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture).Replace(",", "_", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal),
        1 => "$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        2 => amount.ToString("0.00", CultureInfo.InvariantCulture) + " EUR",
        _ => "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
    };

    /// <summary>The order date as texts write it: 5 March 2024, March 5, 2024, 2024-03-05 or 05/03/2024.</summary>
    public string DateText() => _rng.Next(4) switch
    {
        0 => $"{Date.Day} {Months[Date.Month - 1]} {Date.Year}",
        1 => $"{Months[Date.Month - 1]} {Date.Day}, {Date.Year}",
        2 => IsoDate,
        _ => Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };
}
