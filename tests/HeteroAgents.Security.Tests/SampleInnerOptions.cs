using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Security.Tests;

/// <summary>The nested section of <see cref="SampleOptions"/>.</summary>
public sealed class SampleInnerOptions
{
    [Required]
    public string Name { get; set; } = "inner";
}
