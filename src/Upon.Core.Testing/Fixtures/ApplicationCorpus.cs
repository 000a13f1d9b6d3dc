using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// A varied, realistic corpus of distinct application submissions for benchmarks and load tests, deterministic for a
/// seed: what an intake of the Aspirant Directors programme might look like, at about 1.3 KB of JSON an application.
/// </summary>
/// <remarks>
/// <para>
/// Each application is made in two steps. First, <see cref="ApplicationGenerators"/> makes an application of known
/// outcome under one of <see cref="BuiltInPolicies.All"/> (Year 1 a quarter of the time, Year 2 half, Year 3 a quarter),
/// assessed on a date that policy governs: eligible (52%); ineligible for too little experience (12%), a near miss one
/// day short of three years (5%), a readiness date beyond three years (7%), a statement over 500 words (2%) or
/// assessors judging moral purpose not met (8%); or incomplete (14%: no readiness date, or no or a blank statement).
/// Then it is dressed without changing its outcome: every role gets a title that fits its level and an organisation
/// that fits its type (invented names); zero to two earlier-career roles below head of service, which no built-in
/// route counts, are added before the first, some overlapping the next, a quarter part time, some acting; a statement
/// is replaced by prose of 8 to 500 words (8 to 35 four times in five, 40 to 149 one time in six, 150 to 500 one time
/// in forty; a statement over 500 words keeps its length, and a missing or blank one stays so); 85% get a sponsor, and
/// 80% equality-monitoring answers (each of the six answered seven times in eight, with codes that fit the question).
/// Ids are distinct: <c>AD-</c>, the programme year's first year, and the 1-based position (<c>AD-2021-000042</c>).
/// </para>
/// <para>
/// The outcome mix above is that of the generators; deciding each application with the registry of the built-in
/// policies (<see cref="PolicyRegistry.BuiltIn"/>) on its assessment date gives it. Applications have one to seven
/// roles, three and a half on average. Written by <see cref="ToJsonLines"/>, the default corpus is 14.2 MB: 1.3 KB an
/// application at the median, 1.4 KB on average, from 0.4 KB to 5.2 KB (the longest statements). No record describes
/// a real person or organisation.
/// </para>
/// <para>
/// Randomness comes from FsCheck's seeded generator (<see cref="Rnd"/>) and, for the dressing, .NET's seeded
/// <see cref="System.Random"/>: the same count and seed give the same corpus on every machine and run. Thread-safe:
/// the type holds no state.
/// </para>
/// </remarks>
public static class ApplicationCorpus
{
    /// <summary>The number of applications <see cref="Generate"/> makes unless told: 10,000.</summary>
    public const int DefaultCount = 10_000;

    /// <summary>The seed <see cref="Generate"/> uses unless told: 13 (the issue that asked for the corpus).</summary>
    public const int DefaultSeed = 13;

    // FsCheck's size parameter: the generators used here draw from explicit ranges, so it only has to be fixed.
    private const int Size = 50;

    private static readonly string[] Places =
    [
        "Northshire", "Westborough", "Eastvale", "Southmere", "Riverside", "Harbourford", "Kingsmoor", "Ashdale",
        "Bramley Vale", "Oakhurst", "Thornbury Cross", "Millbrook", "Fernley", "Greystone", "Larkfield", "Highcombe",
        "Wexley", "Redbridge Marsh", "Coldwater", "Elmstead", "Saltmarsh", "Brackenford", "Lowther Hill", "Marlow Heath",
    ];

    private static readonly string[][] TitlesByLevel =
    [
        ["Social Worker", "Senior Social Worker", "Advanced Practitioner", "Family Support Worker", "Educational Psychologist", "Health Visitor"],
        ["Team Manager, Child Protection", "Team Manager, Children in Care", "Practice Manager", "Deputy Team Manager, Fostering", "Team Leader, Youth Offending"],
        ["Service Manager, Children in Care", "Service Manager, Early Help", "Service Manager, Youth Justice", "Principal Social Worker", "Safeguarding Service Manager"],
        ["Head of Safeguarding", "Head of Early Help & Prevention", "Head of Corporate Parenting", "Head of SEND", "Head of Quality Assurance", "Head of Service, Children with Disabilities"],
        ["Assistant Director, Children's Social Care", "Assistant Director, Education and Inclusion", "Assistant Director, Early Help", "Assistant Director, Commissioning"],
        ["Deputy Director, Children and Families", "Deputy Director of Children's Services", "Deputy Director, Safeguarding Policy", "Deputy Director of Nursing"],
        ["Director of Education", "Director of Nursing", "Director of Operations", "Director of Children's Services", "Director of Social Care"],
        ["Chief Executive", "Chief Executive Officer", "Interim Chief Executive"],
    ];

    private static readonly string[][] OrganisationPatterns =
    [
        ["{0} County Council", "{0} Borough Council", "{0} City Council", "London Borough of {0}", "{0} Metropolitan Borough Council"],
        ["{0} Children's Trust", "Achieving for Children {0}", "{0} Children's Services Trust"],
        ["{0} NHS Foundation Trust", "{0} Integrated Care Board", "{0} Community Health NHS Trust"],
        ["{0} Learning Trust", "St Aidan's Multi-Academy Trust, {0}", "{0} Schools Partnership"],
        ["{0} Youth Charity", "Family Action {0}", "{0} Community Foundation", "Barnfield Children's Charity, {0}"],
        ["Department for Education", "Ofsted", "Home Office", "Department of Health and Social Care"],
        ["{0} Police", "{0} Youth Justice Service", "HM Prison and Probation Service, {0}"],
        ["{0} Care Ltd", "{0} Fostering Services Ltd", "{0} Consulting LLP"],
    ];

    private static readonly Sector[][] SectorsByType =
    [
        [Sector.ChildrensServices, Sector.ChildrensServices, Sector.Education],
        [Sector.ChildrensServices],
        [Sector.Health],
        [Sector.Education],
        [Sector.VoluntaryAndCommunity],
        [Sector.CentralGovernment],
        [Sector.PolicingAndJustice],
        [Sector.Other],
    ];

    private static readonly string[] FirstNames =
    [
        "Amara", "Ben", "Chloe", "Dev", "Eleanor", "Farid", "Grace", "Hamish", "Imogen", "Jamal", "Kerry", "Leon", "Maya",
        "Niall", "Olu", "Priya", "Rhys", "Sadia", "Tom", "Uma", "Victor", "Wendy", "Yusuf", "Zara",
    ];

    private static readonly string[] LastNames =
    [
        "Ahmed", "Brennan", "Clarke", "Dlamini", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lowe", "Mensah",
        "Nowak", "Okafor", "Patel", "Quinn", "Reid", "Singh", "Thompson", "Usman", "Walsh", "Young", "Zielinski",
    ];

    private static readonly string[] SponsorRoles =
    [
        "Director of Children's Services", "Executive Director of Children's Services", "Corporate Director, People", "Chief Executive",
    ];

    private static readonly string[] Ethnicities =
    [
        "white-british", "white-british", "white-british", "white-irish", "white-other", "asian-indian", "asian-pakistani", "asian-bangladeshi",
        "black-african", "black-caribbean", "mixed-white-black-caribbean", "mixed-white-asian", "other", "preferNotToSay",
    ];

    private static readonly string[] Disabilities = ["no", "no", "no", "no", "yes", "preferNotToSay"];

    private static readonly string[] Sexes = ["female", "female", "female", "male", "male", "preferNotToSay"];

    private static readonly string[] AgeBands = ["30-39", "40-49", "40-49", "50-59", "50-59", "60-69"];

    private static readonly string[] Religions = ["no-religion", "no-religion", "christian", "christian", "muslim", "hindu", "jewish", "sikh", "preferNotToSay"];

    private static readonly string[] Orientations = ["heterosexual", "heterosexual", "heterosexual", "gay-or-lesbian", "bisexual", "preferNotToSay"];

    private static readonly string[] Sentences =
    [
        "Every child in care deserves a champion who never gives up on them.",
        "I came into social work because I saw what happens when the system looks away.",
        "Leadership in children's services means holding hope for families when they cannot hold it themselves.",
        "My practice has taught me that relationships, not processes, change children's lives.",
        "As a leader I want to build teams where social workers stay, grow and are proud of their work.",
        "Children should be safe at home, in school and online, and they should be heard when they are not.",
        "I have seen early help keep families together, and I want every authority to invest in it properly.",
        "Corporate parenting is a duty the whole council shares, not a service one team provides.",
        "The gap in outcomes between children in care and their peers is not inevitable, and closing it is my purpose.",
        "Good leaders listen to young people, act on what they say and tell them what changed.",
        "I want to lead services that work with health, schools and the police as one system around the child.",
        "Disproportionality in our systems is real, and a director must measure it, name it and act on it.",
        "Care leavers have told me what they needed from us, and I carry their words into every decision.",
        "Stable, skilled workforces are the foundation of good practice, so I invest in supervision and learning.",
        "I believe in high support and high challenge, for families and for the professionals who serve them.",
        "Inspection matters, but the real test is whether a child's life is better for our involvement.",
        "I have led improvement from inadequate to good and learned that culture changes before the data does.",
        "Children with special educational needs deserve services designed around them, not around our budgets.",
        "I want to be a director who is visible, curious and honest about what is not yet good enough.",
        "Families in poverty need practical help first, and our systems should make that help easy to reach.",
    ];

    /// <summary>Generates <paramref name="count"/> distinct application submissions from <paramref name="seed"/>.</summary>
    /// <param name="count">The number of applications, zero or more; <see cref="DefaultCount"/> unless told.</param>
    /// <param name="seed">The seed of the random choices (any value); <see cref="DefaultSeed"/> unless told.</param>
    /// <returns>The submissions, in a fixed order: the same for the same count and seed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static ImmutableArray<ApplicationSubmission> Generate(int count = DefaultCount, int seed = DefaultSeed)
    {
        Guard.Against.OutOfRange(count, nameof(count), 0, int.MaxValue, "The count must be zero or more.");
        ApplicationSubmission[] drawn = SubmissionGen().Sample(count, new Rnd(unchecked((ulong)seed)), Size);
        ImmutableArray<ApplicationSubmission>.Builder submissions = ImmutableArray.CreateBuilder<ApplicationSubmission>(count);
        for (int i = 0; i < drawn.Length; i++)
        {
            Application a = drawn[i].Application;
            string id = string.Create(CultureInfo.InvariantCulture, $"AD-{a.ProgrammeYear[..4]}-{i + 1:D6}");
            submissions.Add(drawn[i] with
            {
                Application = new Application(id, a.ProgrammeYear, a.AssessedOn, a.Roles, a.ReadyBy, a.MoralPurposeStatement, a.Sponsor, a.AssessorOutcomes),
            });
        }

        return submissions.MoveToImmutable();
    }

    /// <summary>
    /// Writes <paramref name="submissions"/> as JSON Lines with <see cref="ApplicationDocument.Write(Utf8JsonWriter, ApplicationSubmission)"/>:
    /// one compact document a line, each line ended by a line feed, UTF-8 without a byte-order mark.
    /// </summary>
    /// <param name="submissions">The submissions, for example from <see cref="Generate"/>.</param>
    /// <returns>The bytes, a new array on every call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submissions"/> or one of them is null.</exception>
    public static byte[] ToJsonLines(IEnumerable<ApplicationSubmission> submissions)
    {
        Guard.Against.Null(submissions);
        using MemoryStream stream = new();
        using Utf8JsonWriter writer = new(stream);
        foreach (ApplicationSubmission submission in submissions)
        {
            ApplicationDocument.Write(writer, submission);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Generates the default corpus (<see cref="DefaultCount"/> applications from <see cref="DefaultSeed"/>) or another, and
    /// writes it as JSON Lines: <c>ToJsonLines(Generate(count, seed))</c>.
    /// </summary>
    /// <param name="count">The number of applications, zero or more.</param>
    /// <param name="seed">The seed of the random choices.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static byte[] GenerateJsonLines(int count = DefaultCount, int seed = DefaultSeed) => ToJsonLines(Generate(count, seed));

    private static Gen<ApplicationSubmission> SubmissionGen() =>
        from policy in Gen.Frequency(
            (1, Gen.Constant(BuiltInPolicies.Year1)),
            (2, Gen.Constant(BuiltInPolicies.Year2)),
            (1, Gen.Constant(BuiltInPolicies.Year3)))
        from application in OutcomeGen(policy)
        from dressing in Gen.Choose(0, int.MaxValue - 1)
        select Dress(application, dressing);

    /// <summary>Applications of each outcome in the proportions the type's remarks state.</summary>
    private static Gen<Application> OutcomeGen(EligibilityPolicy policy) =>
        Gen.Frequency(
            (52, ApplicationGenerators.Eligible(policy).Generator),
            (12, ApplicationGenerators.Ineligible(IneligibilityReason.ExperienceInsufficient, policy).Generator),
            (5, ApplicationGenerators.NearMisses(policy).Generator),
            (7, ApplicationGenerators.Ineligible(IneligibilityReason.ReadinessBeyondWindow, policy).Generator),
            (2, ApplicationGenerators.Ineligible(IneligibilityReason.StatementTooLong, policy).Generator),
            (8, ApplicationGenerators.Ineligible(IneligibilityReason.AssessorNotMet, policy).Generator),
            (14, ApplicationGenerators.Incomplete(policy).Generator));

    /// <summary>Realistic names, earlier-career roles, a statement of prose and a sponsor; the outcome stays the same.</summary>
    private static ApplicationSubmission Dress(Application application, int seed)
    {
#pragma warning disable CA5394 // Not for security: seeded, reproducible choices of synthetic records.
        Random random = new(seed);
        string place = Pick(random, Places);
        List<Role> roles = [.. application.Roles.Select(r => Rename(r, random, random.Next(4) == 0 ? Pick(random, Places) : place))];
        LocalDate before = roles.Count == 0 ? application.AssessedOn.PlusYears(-3) : roles.Min(r => r.Start);
        int earlier = random.Next(20) switch { < 12 => 0, < 18 => 1, _ => 2 };
        RoleLevel level = RoleLevel.ServiceManager;
        for (int i = 0; i < earlier; i++)
        {
            // Ends up to 120 days after the next role starts (an overlap) or up to 90 days before it (a gap).
            LocalDate end = before.PlusDays(random.Next(-90, 121) - 1);
            LocalDate start = end.PlusDays(-random.Next(300, 2200));
            OrganisationType type = Pick(random, [OrganisationType.LocalAuthority, OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust, OrganisationType.NhsBody, OrganisationType.VoluntarySector, OrganisationType.SchoolOrAcademyTrust]);
            decimal? fraction = random.Next(4) == 0 ? Pick(random, [0.5m, 0.6m, 0.8m, 0.9m]) : null;
            Role role = new("Title", "Organisation", type, Pick(random, SectorsByType[(int)type - 1]), level, start, end, fraction, isActing: random.Next(7) == 0);
            roles.Add(Rename(role, random, random.Next(3) == 0 ? Pick(random, Places) : place));
            before = start;
            level = level == RoleLevel.Practitioner ? level : level - 1;
        }

        string? statement = application.MoralPurposeStatement;
        if (!string.IsNullOrWhiteSpace(statement))
        {
            int words = statement.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            statement = Prose(random, words > 500 ? words : random.Next(40) switch
            {
                0 => random.Next(150, 501),
                < 8 => random.Next(40, 150),
                _ => random.Next(8, 36),
            });
        }

        Sponsor? sponsor = random.Next(20) < 17
            ? new Sponsor(
                Pick(random, FirstNames) + " " + Pick(random, LastNames),
                Pick(random, SponsorRoles),
                roles.Count > 0 && random.Next(10) < 7 ? roles[0].Organisation : Organisation(random, OrganisationType.LocalAuthority, Pick(random, Places)))
            : null;
        EqualityMonitoring? monitoring = random.Next(5) == 0
            ? null
            : new EqualityMonitoring(Answer(random, Ethnicities), Answer(random, Disabilities), Answer(random, Sexes), Answer(random, AgeBands), Answer(random, Religions), Answer(random, Orientations));
        return new ApplicationSubmission(
            new Application(application.Id, application.ProgrammeYear, application.AssessedOn, roles, application.ReadyBy, statement, sponsor, application.AssessorOutcomes),
            monitoring);
    }

    /// <summary>One of <paramref name="answers"/>, or no answer one time in eight.</summary>
    private static string? Answer(Random random, string[] answers) => random.Next(8) == 0 ? null : Pick(random, answers);

    private static Role Rename(Role role, Random random, string place) =>
        new(Pick(random, TitlesByLevel[(int)role.Level - 1]), Organisation(random, role.OrganisationType, place), role.OrganisationType, role.Sector, role.Level, role.Start, role.End, role.PartTimeFraction, role.IsActing);

    private static string Organisation(Random random, OrganisationType type, string place) =>
        string.Format(CultureInfo.InvariantCulture, Pick(random, OrganisationPatterns[(int)type - 1]), place);

    /// <summary>Prose of exactly <paramref name="words"/> words (runs of non-white-space), from whole sentences cut at the end.</summary>
    private static string Prose(Random random, int words)
    {
        StringBuilder text = new();
        int written = 0;
        while (written < words)
        {
            foreach (string word in Pick(random, Sentences).Split(' '))
            {
                if (written == words)
                {
                    break;
                }

                text.Append(written == 0 ? string.Empty : " ").Append(word);
                written++;
            }
        }

        return text.ToString();
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
#pragma warning restore CA5394
}
