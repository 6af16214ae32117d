using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Deployment;

/// <summary>Structure of compose/k8s/*.yaml: a Deployment and a KEDA ScaledObject per worker type.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<(string File, Dictionary<string, object?> Doc)> Documents =
    [
        .. Directory.GetFiles(RepositoryFiles.Compose("k8s"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Yaml.LoadDocuments(f).Select(d => (Path.GetFileName(f), d))),
    ];

    private static IEnumerable<(string File, Dictionary<string, object?> Doc)> OfKind(string kind) =>
        Documents.Where(d => Yaml.Str(d.Doc["kind"], "kind") == kind);

    private static string Name(Dictionary<string, object?> doc) => Yaml.Str(Yaml.At(doc, "metadata.name"), "metadata.name");

    private static string Kebab(TaskType type) => type.ToWireName().Replace('_', '-');

    private static Dictionary<string, object?> ScaledObjectFor(string deployment) =>
        OfKind("ScaledObject").Single(s => Yaml.Str(Yaml.At(s.Doc, "spec.scaleTargetRef.name"), "target") == deployment).Doc;

    [Fact]
    public void Every_document_has_api_version_kind_and_name()
    {
        Assert.True(Documents.Count >= 10);
        foreach (var (file, doc) in Documents)
        {
            Assert.False(string.IsNullOrEmpty(Yaml.Str(doc["apiVersion"], file)), file);
            Assert.False(string.IsNullOrEmpty(Name(doc)), file);
        }
    }

    [Fact]
    public void Each_task_type_has_a_worker_deployment_with_probes()
    {
        foreach (var type in TaskTypes.All)
        {
            var name = "hetero-worker-" + Kebab(type);
            var (file, deployment) = OfKind("Deployment").Single(d => Name(d.Doc) == name);
            Assert.Equal("worker-" + Kebab(type) + ".yaml", file);
            var container = Yaml.Map(Yaml.Seq(Yaml.At(deployment, "spec.template.spec.containers"), "containers")[0], "container");
            Assert.Equal(["--task", type.ToWireName()], Yaml.Seq(container["args"], "args").Cast<string>());
            Assert.Equal("/healthz/live", Yaml.At(container, "livenessProbe.httpGet.path"));
            Assert.Equal("/healthz/ready", Yaml.At(container, "readinessProbe.httpGet.path"));
            var selector = Yaml.Map(Yaml.At(deployment, "spec.selector.matchLabels"), "matchLabels");
            var podLabels = Yaml.Map(Yaml.At(deployment, "spec.template.metadata.labels"), "labels");
            Assert.Equal(name, selector["app.kubernetes.io/instance"]);
            Assert.Equal(name, podLabels["app.kubernetes.io/instance"]);
        }
    }

    [Fact]
    public void Each_worker_is_scaled_by_keda_on_ready_plus_unacknowledged_over_http()
    {
        var auths = OfKind("TriggerAuthentication").Select(a => Name(a.Doc)).ToHashSet();
        foreach (var deployment in OfKind("Deployment").Where(d => Name(d.Doc).StartsWith("hetero-worker-", StringComparison.Ordinal)))
        {
            var name = Name(deployment.Doc);
            var scaled = ScaledObjectFor(name);
            var trigger = Yaml.Map(Yaml.Seq(Yaml.At(scaled, "spec.triggers"), "triggers").Single(), name + " trigger");
            Assert.Equal("rabbitmq", trigger["type"]);
            var metadata = Yaml.Map(trigger["metadata"], name + " trigger metadata");
            Assert.Equal("http", metadata["protocol"]);
            Assert.Equal("QueueLength", metadata["mode"]);
            Assert.Equal("false", metadata["excludeUnacknowledged"]);
            Assert.True(int.TryParse(Yaml.Str(metadata["value"], "value"), out var value) && value > 0, $"{name}: value must be a positive integer");
            Assert.True(TaskTypes.All.Any(t => t.QueueName() == Yaml.Str(metadata["queueName"], "queueName")), $"{name}: unknown queue {metadata["queueName"]}");
            Assert.Contains(Yaml.Str(Yaml.At(trigger, "authenticationRef.name"), "authenticationRef"), auths);

            var min = int.Parse(Yaml.Str(Yaml.At(scaled, "spec.minReplicaCount"), "min"), System.Globalization.CultureInfo.InvariantCulture);
            var max = int.Parse(Yaml.Str(Yaml.At(scaled, "spec.maxReplicaCount"), "max"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(min, 0, max);
            Assert.True(max >= 1);
        }
    }

    [Fact]
    public void Trigger_authentication_takes_the_host_and_credentials_from_a_secret()
    {
        var auth = OfKind("TriggerAuthentication").Single().Doc;
        var refs = Yaml.Seq(Yaml.At(auth, "spec.secretTargetRef"), "secretTargetRef").Select(r => Yaml.Map(r, "ref")).ToList();
        Assert.Equal(["host", "password", "username"], refs.Select(r => Yaml.Str(r["parameter"], "parameter")).Order());
        var secrets = OfKind("Secret").ToDictionary(s => Name(s.Doc), s => Yaml.Map(Yaml.At(s.Doc, "stringData"), "stringData"));
        foreach (var r in refs)
        {
            Assert.True(secrets[Yaml.Str(r["name"], "name")].ContainsKey(Yaml.Str(r["key"], "key")));
        }

        Assert.StartsWith("http://", Yaml.Str(secrets["keda-rabbitmq-secret"]["host"], "host"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_secret_and_config_map_reference_resolves_and_secrets_are_placeholders()
    {
        var secrets = OfKind("Secret").ToDictionary(s => Name(s.Doc), s => Yaml.Map(Yaml.At(s.Doc, "stringData"), "stringData"));
        var configMaps = OfKind("ConfigMap").Select(c => Name(c.Doc)).ToHashSet();
        foreach (var (file, deployment) in OfKind("Deployment"))
        {
            foreach (var container in Yaml.Seq(Yaml.At(deployment, "spec.template.spec.containers"), "containers").Select(c => Yaml.Map(c, file)))
            {
                foreach (var env in container.TryGetValue("env", out var list) ? Yaml.Seq(list, "env").Select(e => Yaml.Map(e, "env")) : [])
                {
                    if (env.TryGetValue("valueFrom", out var from))
                    {
                        var secretRef = Yaml.Map(Yaml.At(Yaml.Map(from, "valueFrom"), "secretKeyRef"), "secretKeyRef");
                        Assert.True(secrets[Yaml.Str(secretRef["name"], "name")].ContainsKey(Yaml.Str(secretRef["key"], "key")), $"{file}: {secretRef["name"]}/{secretRef["key"]}");
                    }
                }

                foreach (var source in container.TryGetValue("envFrom", out var envFrom) ? Yaml.Seq(envFrom, "envFrom").Select(e => Yaml.Map(e, "envFrom")) : [])
                {
                    Assert.Contains(Yaml.Str(Yaml.At(source, "configMapRef.name"), "configMapRef"), configMaps);
                }
            }
        }

        Assert.All(secrets.Values.SelectMany(s => s.Values).Cast<string>().Where(v => v.Contains("password", StringComparison.OrdinalIgnoreCase)),
            v => Assert.Contains("REPLACE_ME", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Config_map_uses_the_hetero_environment_names()
    {
        var data = Yaml.Map(Yaml.At(OfKind("ConfigMap").Single().Doc, "data"), "data");
        Assert.All(data.Keys, k => Assert.StartsWith("HETERO__", k, StringComparison.Ordinal));
        Assert.Equal("RabbitMq", data["HETERO__MESSAGING__TRANSPORT"]);
        Assert.True(data.ContainsKey("HETERO__SLM__ENDPOINT"));
    }

    [Fact]
    public void Gpu_worker_variant_requests_an_nvidia_gpu_and_reaches_its_sidecar()
    {
        var (_, deployment) = OfKind("Deployment").Single(d => Name(d.Doc) == "hetero-worker-summarize-gpu");
        var containers = Yaml.Seq(Yaml.At(deployment, "spec.template.spec.containers"), "containers").Select(c => Yaml.Map(c, "container")).ToList();
        var gpu = containers.Single(c => Yaml.Map(Yaml.At(c, "resources.limits"), "limits").ContainsKey("nvidia.com/gpu"));
        Assert.Equal("1", Yaml.Map(Yaml.At(gpu, "resources.limits"), "limits")["nvidia.com/gpu"]);
        Assert.Equal("1", Yaml.Map(Yaml.At(gpu, "resources.requests"), "requests")["nvidia.com/gpu"]);

        var worker = containers.Single(c => Yaml.Str(c["name"], "name") == "worker");
        var endpoint = Yaml.Seq(worker["env"], "env").Select(e => Yaml.Map(e, "env")).Single(e => Yaml.Str(e["name"], "name") == "HETERO__SLM__ENDPOINT");
        Assert.Equal("http://127.0.0.1:8000/v1", endpoint["value"]);
        Assert.Equal("hetero-summarize", Yaml.At(Yaml.Map(Yaml.Seq(Yaml.At(ScaledObjectFor("hetero-worker-summarize-gpu"), "spec.triggers"), "t")[0], "t"), "metadata.queueName"));
    }

    [Fact]
    public async Task Keda_numbers_match_the_fleet_example_used_by_the_local_supervisor()
    {
        var fleet = await FleetConfigParser.LoadAsync(RepositoryFiles.Compose("fleet.example.json"), CancellationToken.None);
        Assert.Equal(TaskTypes.All.Order(), fleet.Workers.Select(w => w.TaskType).Order());
        foreach (var pool in fleet.Workers)
        {
            var scaled = ScaledObjectFor("hetero-worker-" + Kebab(pool.TaskType));
            var metadata = Yaml.Map(Yaml.At(Yaml.Map(Yaml.Seq(Yaml.At(scaled, "spec.triggers"), "t")[0], "t"), "metadata"), "metadata");
            Assert.Equal(pool.Queue, metadata["queueName"]);
            Assert.Equal(pool.TargetPerWorker.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata["value"]);
            Assert.Equal(pool.Min.ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.At(scaled, "spec.minReplicaCount"));
            Assert.Equal(pool.Max.ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.At(scaled, "spec.maxReplicaCount"));
            Assert.Equal(((int)fleet.PollInterval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.At(scaled, "spec.pollingInterval"));
            Assert.Equal(((int)fleet.ScaleDownCooldown.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), Yaml.At(scaled, "spec.cooldownPeriod"));
        }
    }
}
