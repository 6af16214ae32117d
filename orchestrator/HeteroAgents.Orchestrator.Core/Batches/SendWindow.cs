namespace HeteroAgents.Orchestrator.Batches;

/// <summary>
/// Runs asynchronous sends with at most a fixed number in flight (back-pressure: the caller waits for a free
/// slot). The first failure is rethrown by the next <see cref="RunAsync"/> or by <see cref="DrainAsync"/>.
/// </summary>
internal sealed class SendWindow : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _size;
    private Exception? _failure;

    public SendWindow(int size)
    {
        _size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    public async Task RunAsync(Func<Task> send, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        await _slots.WaitAsync(cancellationToken);
        _ = RunOneAsync(send);
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _size; i++)
        {
            await _slots.WaitAsync(cancellationToken);
        }

        _slots.Release(_size);
        ThrowIfFailed();
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunOneAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw new InvalidOperationException($"Sending a task failed: {failure.Message}", failure);
        }
    }
}
