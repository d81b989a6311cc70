using System.Diagnostics;

namespace NearDup;

/// <summary>Wall-clock and process CPU seconds of consecutive stages: each <see cref="Lap"/> closes the stage since the
/// previous one (or the timer's start), for <see cref="DedupResult.StageSeconds"/> and <see cref="DedupResult.StageCpuSeconds"/>.</summary>
internal sealed class StageTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;

    public List<KeyValuePair<string, double>> Wall { get; } = [];

    public List<KeyValuePair<string, double>> Cpu { get; } = [];

    public void Lap(string stage)
    {
        TimeSpan wall = _clock.Elapsed, cpu = Environment.CpuUsage.TotalTime;
        Wall.Add(new(stage, (wall - _lastWall).TotalSeconds));
        Cpu.Add(new(stage, (cpu - _lastCpu).TotalSeconds));
        (_lastWall, _lastCpu) = (wall, cpu);
    }
}
