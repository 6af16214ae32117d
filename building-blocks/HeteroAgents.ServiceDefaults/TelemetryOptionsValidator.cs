using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace HeteroAgents.ServiceDefaults;

/// <summary>Checks <see cref="TelemetryOptions"/> at start, naming the setting and the value at fault.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Port is { } port && port is < 0 or > 65535)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Hetero:Telemetry:Port (HETERO__TELEMETRY__PORT) must be a TCP port between 1 and 65535 (0: any free port); got {port}."));
        }

        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Hetero:Telemetry:ListenAddress must be an IP address such as 0.0.0.0 or 127.0.0.1; got '{options.ListenAddress}'.");
        }

        if (options.ServiceName is { } service && string.IsNullOrWhiteSpace(service))
        {
            failures.Add("Hetero:Telemetry:ServiceName must not be blank when set.");
        }

        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) &&
            (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var otlp) || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{TelemetryOptions.OtlpEndpointVariable} must be an absolute http(s) URI such as http://otel-collector:4317; got '{options.OtlpEndpoint}'.");
        }

        if (options.ScrapeCacheMilliseconds < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Hetero:Telemetry:ScrapeCacheMilliseconds must be 0 or more; got {options.ScrapeCacheMilliseconds}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
