namespace Upon.Core.Timelines;

/// <summary>How a session is delivered.</summary>
/// <remarks><c>default</c> is <see cref="Virtual"/>.</remarks>
public enum DeliveryMode
{
    /// <summary>Online only.</summary>
    Virtual = 0,

    /// <summary>In person only.</summary>
    FaceToFace = 1,

    /// <summary>A mix of online and in-person delivery.</summary>
    Blended = 2,
}
