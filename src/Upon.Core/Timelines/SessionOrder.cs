namespace Upon.Core.Timelines;

/// <summary>
/// Orders sessions chronologically by their local start and end (which, in one zone, orders instants the
/// same way except inside an autumn fall-back hour, where local order is the one people read), then by
/// identifier, kind, title and group (ordinal), then by position in the list as a last resort for exact duplicates.
/// </summary>
internal sealed class SessionOrder : IComparer<(Session Session, int Index)>
{
    public static SessionOrder Instance { get; } = new();

    public int Compare((Session Session, int Index) x, (Session Session, int Index) y)
    {
        int order = CompareSessions(x.Session, y.Session);
        return order != 0 ? order : x.Index.CompareTo(y.Index);
    }

    public static int CompareSessions(Session x, Session y)
    {
        int order = x.LocalStart.CompareTo(y.LocalStart);
        if (order == 0)
        {
            order = x.LocalEnd.CompareTo(y.LocalEnd);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Id, y.Id);
        }

        if (order == 0)
        {
            order = x.Kind.CompareTo(y.Kind);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Title, y.Title);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Group, y.Group);
        }

        if (order == 0)
        {
            order = x.Mode.CompareTo(y.Mode);
        }

        if (order == 0)
        {
            order = x.AllowNonWorkingDay.CompareTo(y.AllowNonWorkingDay);
        }

        if (order == 0)
        {
            order = x.IsAssumed.CompareTo(y.IsAssumed);
        }

        return order != 0 ? order : string.CompareOrdinal(x.Note, y.Note);
    }
}
