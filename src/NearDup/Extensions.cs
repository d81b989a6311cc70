namespace NearDup;

internal static class RelationNames
{
    public static string ToJsonName(this Relation relation) => relation switch
    {
        Relation.Duplicate => "duplicate",
        Relation.Contains => "contains",
        Relation.Contained => "contained",
        _ => "partial",
    };
}
