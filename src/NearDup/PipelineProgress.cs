namespace NearDup;

/// <summary>The stages of a run, in order.</summary>
public enum PipelineStage
{
    /// <summary>Reading and sketching documents.</summary>
    Sketching,
    /// <summary>Building the fingerprint and LSH indexes, learning furniture.</summary>
    Candidates,
    /// <summary>Verifying candidate pairs exactly.</summary>
    Verifying,
    /// <summary>Clustering and finishing.</summary>
    Clustering,
    /// <summary>Aligning the passages of every pair (for the report or pairs.jsonl passages), after the run.</summary>
    Aligning,
}

/// <summary>A progress report: the stage, the items done in it, and the input bytes read so far.</summary>
public readonly record struct PipelineProgress(PipelineStage Stage, long Done, long? Total, long BytesRead, long? TotalBytes);
