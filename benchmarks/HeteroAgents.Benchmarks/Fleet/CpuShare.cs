using System.Globalization;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>CPU milliseconds per unit of work (a task, a round trip): the benchmark process, the broker, Redis.</summary>
internal readonly record struct CpuShare(double ProcessMs, double BrokerMs, double RedisMs)
{
    public double TotalMs => ProcessMs + BrokerMs + RedisMs;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{TotalMs:N3} CPU ms (process {ProcessMs:N3} + RabbitMQ {BrokerMs:N3} + Redis {RedisMs:N3})");
}
