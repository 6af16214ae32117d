using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Security.Tests;

/// <summary>Options shaped like the product's: a secret with its file, a range, and a nested section.</summary>
public sealed class SampleOptions
{
    public string? Password { get; set; }

    public string? PasswordFile { get; set; }

    [Range(1, 10)]
    public int Retries { get; set; } = 3;

    [ValidateObjectMembers]
    public SampleInnerOptions Inner { get; set; } = new();
}
