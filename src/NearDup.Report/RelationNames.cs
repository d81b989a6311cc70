namespace NearDup.Report;

/// <summary>The names relations have in JSON output and on the pages.</summary>
public static class RelationNames
{
    /// <summary><c>duplicate</c>, <c>contains</c>, <c>contained</c> or <c>partial</c>, as in <c>pairs.jsonl</c>.</summary>
    public static string JsonName(Relation relation) => relation switch
    {
        Relation.Duplicate => "duplicate",
        Relation.Contains => "contains",
        Relation.Contained => "contained",
        _ => "partial",
    };
}
