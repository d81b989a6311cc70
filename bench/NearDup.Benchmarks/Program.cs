using BenchmarkDotNet.Running;

// Kernel benchmarks, grouped by area. Run: dotnet run -c Release --project bench/NearDup.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(NearDup.Benchmarks.SketchBenchmarks).Assembly).Run(args);
