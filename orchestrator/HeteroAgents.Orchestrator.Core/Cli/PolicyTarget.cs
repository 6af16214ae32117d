using System.CommandLine;
using HeteroAgents.Orchestrator.Routing;
using HeteroAgents.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// Where a loop command reads and writes the routing policy: <c>--policy &lt;file&gt;</c> (calibrate also takes
/// <c>--out</c>) or <c>--to-redis [key]</c> (default key: <c>Hetero:Routing:PolicyRedisKey</c>, else
/// <c>hetero:routing-policy</c>, over <c>Hetero:Redis</c>); neither: the worker settings <c>Hetero:Routing:PolicyFile</c>
/// or <c>PolicyRedisKey</c>, so the loop writes what the workers read.
/// </summary>
internal sealed class PolicyTarget
{
    private PolicyTarget(Option<FileInfo?> file, Option<string?> redis)
    {
        File = file;
        Redis = redis;
    }

    public Option<FileInfo?> File { get; }

    public Option<string?> Redis { get; }

    public static PolicyTarget Create(params string[] fileAliases) => new(
        new Option<FileInfo?>("--policy", fileAliases) { Description = "The routing policy file the workers read (Hetero:Routing:PolicyFile). Default: Hetero:Routing:PolicyFile." },
        new Option<string?>("--to-redis")
        {
            Description = "Use the routing policy in this Redis key instead (Hetero:Redis; default key Hetero:Routing:PolicyRedisKey, else hetero:routing-policy).",
            Arity = ArgumentArity.ZeroOrOne,
        });

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        command.Options.Add(Redis);
    }

    /// <summary>The store the parse result and configuration name; throws <see cref="ArgumentException"/> when none or both are named.</summary>
    public IRoutingPolicyStore Resolve(ParseResult parse, IServiceProvider services) =>
        TryResolve(parse, services) ?? throw new ArgumentException(
            "no routing policy to use: pass --policy <file> or --to-redis [key], or set Hetero:Routing:PolicyFile or Hetero:Routing:PolicyRedisKey (what the workers read)");

    /// <summary>The store the parse result and configuration name, or null when none is; throws <see cref="ArgumentException"/> when both are named.</summary>
    public IRoutingPolicyStore? TryResolve(ParseResult parse, IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var file = parse.GetValue(File)?.FullName;
        var toRedis = parse.GetResult(Redis) is not null;
        if (file is not null && toRedis)
        {
            throw new ArgumentException("--policy and --to-redis name two places for the policy; pass one");
        }

        if (!toRedis && file is null)
        {
            file = configuration["Hetero:Routing:PolicyFile"];
            toRedis = string.IsNullOrWhiteSpace(file) && !string.IsNullOrWhiteSpace(configuration["Hetero:Routing:PolicyRedisKey"]);
            if (string.IsNullOrWhiteSpace(file) && !toRedis)
            {
                return null;
            }
        }

        if (!toRedis)
        {
            return new FileRoutingPolicyStore(file!);
        }

        var key = parse.GetValue(Redis) is { Length: > 0 } given ? given
            : configuration["Hetero:Routing:PolicyRedisKey"] is { Length: > 0 } configured ? configured
            : RedisRoutingPolicyStore.DefaultKey;
        return new RedisRoutingPolicyStore(services.GetRequiredService<RedisConnection>(), key);
    }

    /// <summary>Registers what <see cref="Resolve"/> may need (the Redis connection, opened on first use).</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration) => services.AddHeteroRedis();
}
