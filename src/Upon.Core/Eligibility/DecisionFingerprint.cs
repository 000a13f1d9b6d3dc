using System.Buffers;
using System.Buffers.Binary;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Upon.Core.Eligibility;

/// <summary>
/// What a decision was made from, as hashes that can be checked later without keeping the application: a SHA-256 hash
/// of the application's canonical form (its decision inputs, never its equality-monitoring answers), the policy's
/// identifier and version, a SHA-256 hash of the policy's content, one <see cref="Value"/> over the three, and the
/// version of the library that made the decision.
/// </summary>
/// <remarks>
/// <para>
/// The canonical forms are documented in docs/eligibility.md ("Fingerprints and replay") and pinned by golden tests:
/// the application's is a compact UTF-8 JSON object of the inputs a decision reads, in a fixed order (identifier,
/// programme year, assessment date, each role's organisation type, sector, level, first and last day, part-time
/// fraction and acting flag, the readiness date, the statement's number of words, the assessors' outcomes); titles,
/// organisation names, the sponsor and the statement's text are not part of it, so that an application read whole and
/// one read for a decision alone have one hash. The policy's is its compact <see cref="PolicyDocument"/> form.
/// </para>
/// <para>
/// Hashes are 64 lowercase hexadecimal characters. <see cref="Value"/> is the SHA-256 hash of the tag
/// <c>upon/decision-fingerprint/1</c>, <see cref="Application"/>, <see cref="PolicyId"/>, <see cref="PolicyVersion"/>
/// (decimal digits) and <see cref="PolicyContent"/>, each as its UTF-8 bytes preceded by their number as four bytes,
/// big-endian. <see cref="LibraryVersion"/> is provenance only, not part of <see cref="Value"/>. Equality is by value
/// over every member, the library version included. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record DecisionFingerprint
{
    /// <summary>The number of characters of a hash: 64 lowercase hexadecimal digits.</summary>
    public const int HashLength = 64;

    private const string Tag = "upon/decision-fingerprint/1";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>Initializes a fingerprint from its parts, for example read from a decision document; <see cref="Value"/> is computed.</summary>
    /// <param name="application">The hash of the application's canonical form (<see cref="HashApplication"/>).</param>
    /// <param name="policyId">The identifier of the policy that made the decision.</param>
    /// <param name="policyVersion">The policy's version, 1 or more.</param>
    /// <param name="policyContent">The hash of the policy's canonical form (<see cref="HashPolicy"/>).</param>
    /// <param name="libraryVersion">The version of Upon.Core that made the decision, for example <c>0.3.0</c>.</param>
    /// <exception cref="ArgumentNullException">A string is null.</exception>
    /// <exception cref="ArgumentException">A hash is not 64 lowercase hexadecimal characters, or the policy identifier or library version is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policyVersion"/> is below 1.</exception>
    public DecisionFingerprint(string application, string policyId, int policyVersion, string policyContent, string libraryVersion)
    {
        Guard.Against.Null(application);
        Guard.Against.Null(policyContent);
        Guard.Against.Invalid(!IsHash(application), "A hash is 64 lowercase hexadecimal characters.", nameof(application));
        Guard.Against.Invalid(!IsHash(policyContent), "A hash is 64 lowercase hexadecimal characters.", nameof(policyContent));
        Guard.Against.NullOrWhiteSpace(policyId);
        Guard.Against.LessThan(policyVersion, 1);
        Guard.Against.NullOrWhiteSpace(libraryVersion);
        Application = application;
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        PolicyContent = policyContent;
        LibraryVersion = libraryVersion;
        Value = Combine(application, policyId, policyVersion, policyContent);
    }

    /// <summary>Gets the version of this library that makes decisions: its informational version without a <c>+commit</c> suffix.</summary>
    public static string CurrentLibraryVersion { get; } = ReadLibraryVersion();

    /// <summary>Gets the SHA-256 hash over the application hash, the policy's identifier and version and the policy content hash.</summary>
    public string Value { get; }

    /// <summary>Gets the SHA-256 hash of the application's canonical form (no equality-monitoring answers).</summary>
    public string Application { get; }

    /// <summary>Gets the identifier of the policy that made the decision.</summary>
    public string PolicyId { get; }

    /// <summary>Gets the policy's version.</summary>
    public int PolicyVersion { get; }

    /// <summary>Gets the SHA-256 hash of the policy's canonical form, its compact policy document.</summary>
    public string PolicyContent { get; }

    /// <summary>Gets the version of Upon.Core that made the decision (provenance; not part of <see cref="Value"/>).</summary>
    public string LibraryVersion { get; }

    /// <summary>Computes the fingerprint of a decision on <paramref name="application"/> by <paramref name="policy"/> with this library.</summary>
    /// <param name="application">The application.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>The fingerprint, with <see cref="CurrentLibraryVersion"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DecisionFingerprint Of(Application application, EligibilityPolicy policy)
    {
        Guard.Against.Null(application);
        Guard.Against.Null(policy);
        return new DecisionFingerprint(HashApplication(application), policy.Id, policy.Version, policy.ContentHash, CurrentLibraryVersion);
    }

    /// <summary>Computes the SHA-256 hash of the canonical form of <paramref name="application"/> (see the remarks on the type).</summary>
    /// <param name="application">The application.</param>
    /// <returns>64 lowercase hexadecimal characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public static string HashApplication(Application application)
    {
        Guard.Against.Null(application);
        CanonicalJson json = new(stackalloc byte[1024]);
        try
        {
            CanonicalForms.WriteApplication(ref json, application);
            return Hash(json.Written);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>
    /// Gets the SHA-256 hash of the canonical form of <paramref name="policy"/>, its compact <see cref="PolicyDocument"/>
    /// form; computed once per policy instance.
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <returns>64 lowercase hexadecimal characters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string HashPolicy(EligibilityPolicy policy)
    {
        Guard.Against.Null(policy);
        return policy.ContentHash;
    }

    /// <summary>Returns the fingerprint's value and the library version.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Value} ({PolicyId} v{PolicyVersion.ToString(CultureInfo.InvariantCulture)}, Upon.Core {LibraryVersion})";

    /// <summary>The canonical form of <paramref name="application"/>, as <see cref="HashApplication"/> hashes it (for tests and documentation).</summary>
    internal static byte[] CanonicalApplication(Application application)
    {
        CanonicalJson json = new(stackalloc byte[1024]);
        try
        {
            CanonicalForms.WriteApplication(ref json, application);
            return json.Written.ToArray();
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>The canonical form of <paramref name="policy"/>, as <see cref="HashPolicy"/> hashes it (for tests and documentation).</summary>
    internal static byte[] CanonicalPolicy(EligibilityPolicy policy)
    {
        ArrayBufferWriter<byte> buffer = new(4096);
        using (Utf8JsonWriter writer = new(buffer, JsonWriting.Options(indented: false)))
        {
            PolicyDocument.Write(writer, policy);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="text"/> is 64 lowercase hexadecimal characters.</summary>
    internal static bool IsHash(string? text) =>
        text is { Length: HashLength } && !text.AsSpan().ContainsAnyExcept(HexDigits);

    /// <summary>Computes the hash of a policy's canonical form; <see cref="EligibilityPolicy.ContentHash"/> caches it.</summary>
    internal static string ComputePolicyHash(EligibilityPolicy policy) => Hash(CanonicalPolicy(policy));

    internal static string Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Combine(string application, string policyId, int policyVersion, string policyContent)
    {
        Span<char> version = stackalloc char[11];
        policyVersion.TryFormat(version, out int versionLength, provider: CultureInfo.InvariantCulture);
        version = version[..versionLength];
        int length = Part(Tag) + Part(application) + Part(policyId) + Part(version) + Part(policyContent);
        byte[]? rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[512] : rented;
        try
        {
            int at = 0;
            Append(bytes, ref at, Tag);
            Append(bytes, ref at, application);
            Append(bytes, ref at, policyId);
            Append(bytes, ref at, version);
            Append(bytes, ref at, policyContent);
            return Hash(bytes[..at]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        static int Part(ReadOnlySpan<char> text) => sizeof(int) + Encoding.UTF8.GetByteCount(text);

        static void Append(Span<byte> bytes, ref int at, ReadOnlySpan<char> text)
        {
            int written = Encoding.UTF8.GetBytes(text, bytes[(at + sizeof(int))..]);
            BinaryPrimitives.WriteInt32BigEndian(bytes[at..], written);
            at += sizeof(int) + written;
        }
    }

    private static string ReadLibraryVersion()
    {
        string version = typeof(DecisionFingerprint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(DecisionFingerprint).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
