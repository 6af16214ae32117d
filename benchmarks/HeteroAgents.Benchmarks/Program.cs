using System.Reflection;
using HeteroAgents.Benchmarks;

// Each benchmark is a class implementing IBenchmarkCommand; they are discovered here, so adding one touches no other file.
var commands = typeof(IBenchmarkCommand).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmarkCommand).IsAssignableFrom(t))
    .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t, nonPublic: true)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var command = args.Length > 0 ? commands.FirstOrDefault(c => c.Name == args[0]) : null;
if (command is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/HeteroAgents.Benchmarks -- <benchmark> [options]");
    foreach (var c in commands)
    {
        Console.Error.WriteLine($"  {c.Name,-12} {c.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await command.RunAsync(args[1..], cts.Token);
