using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using NodaTime.Text;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>Adds the eligibility endpoints to a host's routes.</summary>
public static partial class UponEligibilityEndpoints
{
    /// <summary>The media type of one application, and of one decision: <c>application/json</c>.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>The media type of JSON Lines, an application (or a result) a line: <c>application/x-ndjson</c>.</summary>
    public const string JsonLinesMediaType = "application/x-ndjson";

    /// <summary>Another name of JSON Lines, accepted in requests: <c>application/jsonl</c>.</summary>
    public const string JsonLinesAlternativeMediaType = "application/jsonl";

    /// <summary>The route of the decisions endpoint, under the prefix.</summary>
    public const string DecisionsRoute = "/decisions";

    /// <summary>The route of the policies endpoint, under the prefix.</summary>
    public const string PoliciesRoute = "/policies";

    /// <summary>Unflushed output beyond which a streamed response is flushed even while applications keep arriving.</summary>
    private const int FlushBytes = 32 * 1024;

    /// <summary>The problem code of a query parameter given more than once.</summary>
    private const string RepeatedParameter = "query.repeated";

    /// <summary>The request header of preferences (RFC 7240).</summary>
    private const string PreferHeader = "Prefer";

    /// <summary>The response header naming the preferences applied (RFC 7240 §3).</summary>
    private const string PreferenceAppliedHeader = "Preference-Applied";

    /// <summary>The preference for a summary of each decision.</summary>
    private const string ReturnMinimal = "return=minimal";

    /// <summary>The preference for each whole decision.</summary>
    private const string ReturnRepresentation = "return=representation";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>POST /decisions</c> (one application as <c>application/json</c>, or
    /// JSON Lines as <c>application/x-ndjson</c>, answered line by line as decided), <c>GET /policies</c> and
    /// <c>GET /policies/{id}</c>. Needs <see cref="UponEligibilityServiceCollectionExtensions.AddUponEligibility(IServiceCollection, Action{UponEligibilityOptions}?)"/>.
    /// </summary>
    /// <param name="endpoints">The host's routes (the <c>WebApplication</c>).</param>
    /// <param name="prefix">The route prefix: <c>/eligibility</c> by default.</param>
    /// <returns>The group of the endpoints, to add authorization, rate limits or filters to all of them.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RouteGroupBuilder MapUponEligibility(this IEndpointRouteBuilder endpoints, string prefix = "/eligibility")
    {
        Guard.Against.Null(endpoints);
        Guard.Against.Null(prefix);
        RouteGroupBuilder group = endpoints.MapGroup(prefix).WithTags("Eligibility");
        group.MapPost(DecisionsRoute, DecideAsync)
            .WithName(EligibilityOpenApi.DecideOperation)
            .WithSummary("Decides one application, or a stream of them")
            .WithDescription("One application (application/json) is answered by its decision with the explanation. JSON Lines (application/x-ndjson) are answered by JSON Lines in the same order, a line for each line in: {\"record\", \"decision\"} or {\"record\", \"errors\"}, streamed as they are decided.")
            .WithMetadata(new EligibilityEndpointMetadata(EligibilityOpenApi.DecideOperation));
        group.MapGet(PoliciesRoute, ListPoliciesAsync)
            .WithName(EligibilityOpenApi.ListPoliciesOperation)
            .WithSummary("Lists every policy, every version")
            .WithDescription("A policy document with every policy of the registry, each with its effective dates and its rules as data.")
            .WithMetadata(new EligibilityEndpointMetadata(EligibilityOpenApi.ListPoliciesOperation));
        group.MapGet(PoliciesRoute + "/{id}", GetPolicyAsync)
            .WithName(EligibilityOpenApi.GetPolicyOperation)
            .WithSummary("Every version of one policy")
            .WithDescription("A policy document with every version of the policy, oldest first.")
            .WithMetadata(new EligibilityEndpointMetadata(EligibilityOpenApi.GetPolicyOperation));
        return group;
    }

    private static Task ListPoliciesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        IEligibilityDecider decider = context.RequestServices.GetRequiredService<IEligibilityDecider>();
        return WritePoliciesAsync(context, decider.Policies.Policies);
    }

    private static Task GetPolicyAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        IEligibilityDecider decider = context.RequestServices.GetRequiredService<IEligibilityDecider>();
        EligibilityPolicy[] versions = [.. decider.Policies.Policies.Where(p => string.Equals(p.Id, id, StringComparison.Ordinal)).OrderBy(p => p.Version)];
        if (versions.Length > 0)
        {
            return WritePoliciesAsync(context, versions);
        }

        context.RequestServices.GetService<EligibilityInstruments>()?.Refused(StatusCodes.Status404NotFound, ServiceProblems.PolicyNotFound, record: false);
        return ServiceProblems.Write(context, StatusCodes.Status404NotFound, ServiceProblems.PolicyNotFound, "No such policy", "No policy has the identifier in the path; GET the policies for the list.");
    }

    /// <summary>
    /// Writes a policy document of <paramref name="policies"/> with an entity tag of its bytes (<c>ETag</c>) and
    /// <c>Cache-Control: no-cache</c> (the registry can be reloaded at any time, so a cache must ask again); a request
    /// whose <c>If-None-Match</c> names that tag (weak comparison, RFC 9110 §13.1.2) or <c>*</c> is answered
    /// <c>304 Not Modified</c> without a body.
    /// </summary>
    private static async Task WritePoliciesAsync(HttpContext context, IReadOnlyList<EligibilityPolicy> policies)
    {
        ArrayBufferWriter<byte> body = new(4096);
        using (Utf8JsonWriter writer = new(body, Compact))
        {
            // Always an array (a policy document of that form), however many policies there are.
            writer.WriteStartArray();
            foreach (EligibilityPolicy policy in policies)
            {
                PolicyDocument.Write(writer, policy);
            }

            writer.WriteEndArray();
        }

        EntityTagHeaderValue tag = PolicyEntityTag(body.WrittenSpan);
        ResponseHeaders headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } wanted && wanted.Any(w => w.Equals(EntityTagHeaderValue.Any) || w.Compare(tag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonMediaType + "; charset=utf-8";
        context.Response.ContentLength = body.WrittenCount;
        await context.Response.BodyWriter.WriteAsync(body.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The strong entity tag of a policy document's bytes: the first 16 bytes of their SHA-256, in base64url.</summary>
    internal static EntityTagHeaderValue PolicyEntityTag(ReadOnlySpan<byte> document)
    {
        Span<byte> hash = stackalloc byte[System.Security.Cryptography.SHA256.HashSizeInBytes];
        System.Security.Cryptography.SHA256.HashData(document, hash);
        return new EntityTagHeaderValue("\"" + Base64Url.EncodeToString(hash[..16]) + "\"");
    }

    private static async Task DecideAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // The token is the request's (RequestAborted); it is taken as a parameter so that the handler is described in
        // the OpenAPI document (a bare RequestDelegate is not).
        _ = cancellationToken;
        HttpRequest request = context.Request;
        IEligibilityDecider decider = context.RequestServices.GetRequiredService<IEligibilityDecider>();
        UponEligibilityOptions options = context.RequestServices.GetService<UponEligibilityOptions>() ?? new UponEligibilityOptions();
        ILogger logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UponEligibilityEndpoints).FullName!);
        Refusals refusals = new(logger, context.RequestServices.GetService<EligibilityInstruments>());

        BodyKind? kind = ReadBodyKind(request.ContentType);
        if (kind is null)
        {
            refusals.Refused(StatusCodes.Status415UnsupportedMediaType, ServiceProblems.UnsupportedMediaType);
            await ServiceProblems.Write(context, StatusCodes.Status415UnsupportedMediaType, ServiceProblems.UnsupportedMediaType, "Unsupported media type", $"Send one application as {JsonMediaType}, or JSON Lines as {JsonLinesMediaType}, in UTF-8.").ConfigureAwait(false);
            return;
        }

        List<DocumentProblem> queryProblems = [];
        DecisionScope scope = ReadScope(request.Query, queryProblems);
        DocumentResult<EligibilityBatch>? batch = queryProblems.Count == 0 ? decider.CreateBatch(scope) : null;
        if (batch is not { IsValid: true })
        {
            IEnumerable<DocumentProblem> problems = batch?.Problems ?? [.. queryProblems];
            refusals.Refused(StatusCodes.Status400BadRequest, ServiceProblems.InvalidQuery);
            await ServiceProblems.Write(context, StatusCodes.Status400BadRequest, ServiceProblems.InvalidQuery, "Invalid query", "A query parameter is malformed or names a policy the registry does not have; see errors.", problems).ConfigureAwait(false);
            return;
        }

        long limit = kind == BodyKind.JsonLines ? options.MaxBatchBytes : options.MaxApplicationBytes;
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, refusals, limit).ConfigureAwait(false);
            return;
        }

        if (kind == BodyKind.JsonLines && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxBatchBytes;
        }

        DecisionDetail? preferred = PreferredDetail(request.Headers[PreferHeader]);
        DecisionDetail detail = preferred ?? options.DecisionDetail;
        try
        {
            if (kind == BodyKind.Json)
            {
                await DecideOneAsync(context, batch.Value, refusals, options.MaxApplicationBytes, detail, preferred is not null).ConfigureAwait(false);
            }
            else
            {
                await DecideLinesAsync(context, batch.Value, refusals, options.MaxBufferedAnswerBytes, detail, preferred is not null).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the work stops, and there is no one to answer.
            LogCancelled(refusals.Logger);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            if (context.Response.HasStarted)
            {
                refusals.Refused(StatusCodes.Status413PayloadTooLarge, ServiceProblems.TooLarge);
                context.Abort();
            }
            else
            {
                await TooLargeAsync(context, refusals, limit).ConfigureAwait(false);
            }
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            LogCancelled(refusals.Logger);
        }
    }

    private static Task TooLargeAsync(HttpContext context, Refusals refusals, long limit)
    {
        refusals.Refused(StatusCodes.Status413PayloadTooLarge, ServiceProblems.TooLarge);
        return ServiceProblems.Write(context, StatusCodes.Status413PayloadTooLarge, ServiceProblems.TooLarge, "Request body too large", $"The endpoint reads at most {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes for this media type.");
    }

    /// <summary>
    /// The detail a client asks for with its <c>return</c> preference (RFC 7240 §4.2): <c>Prefer: return=minimal</c> is
    /// <see cref="DecisionDetail.Summary"/>, <c>return=representation</c> <see cref="DecisionDetail.Full"/>; null when
    /// the request states no <c>return</c> preference, or one of another value (then the host's
    /// <see cref="UponEligibilityOptions.DecisionDetail"/> applies). Preferences are separated by commas, in one header
    /// or several; names and the token values are case-insensitive, a value may be quoted, parameters after <c>;</c> are
    /// ignored, and only the first <c>return</c> counts.
    /// </summary>
    internal static DecisionDetail? PreferredDetail(StringValues prefer)
    {
        foreach (string? header in prefer)
        {
            ReadOnlySpan<char> rest = header;
            while (!rest.IsEmpty)
            {
                int end = Unquoted(rest, ',');
                ReadOnlySpan<char> preference = rest[..end];
                rest = end < rest.Length ? rest[(end + 1)..] : [];
                preference = preference[..Unquoted(preference, ';')];

                int equals = preference.IndexOf('=');
                ReadOnlySpan<char> name = (equals < 0 ? preference : preference[..equals]).Trim(" \t");
                if (!name.Equals("return", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                ReadOnlySpan<char> value = equals < 0 ? [] : preference[(equals + 1)..].Trim(" \t");
                if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
                {
                    value = value[1..^1];
                }

                return value.Equals("minimal", StringComparison.OrdinalIgnoreCase) ? DecisionDetail.Summary
                    : value.Equals("representation", StringComparison.OrdinalIgnoreCase) ? DecisionDetail.Full
                    : null;
            }
        }

        return null;
    }

    /// <summary>The index of the first <paramref name="separator"/> of <paramref name="text"/> outside a quoted string, or its length.</summary>
    private static int Unquoted(ReadOnlySpan<char> text, char separator)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (quoted && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == separator && !quoted)
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// Says on a response that its detail depends on the request's preferences (<c>Vary: Prefer</c>) and, when the
    /// client's <c>return</c> preference was applied, which (<c>Preference-Applied: return=minimal</c> or
    /// <c>return=representation</c>).
    /// </summary>
    private static void DescribeDetail(HttpResponse response, DecisionDetail detail, bool preferred)
    {
        // Added to what the host's middleware may have said already (Origin, for CORS), not in its place.
        response.Headers.Vary = StringValues.Concat(response.Headers.Vary, PreferHeader);
        if (preferred)
        {
            response.Headers[PreferenceAppliedHeader] = detail == DecisionDetail.Summary ? ReturnMinimal : ReturnRepresentation;
        }
    }

    private static async Task DecideOneAsync(HttpContext context, EligibilityBatch batch, Refusals refusals, int maxBytes, DecisionDetail detail, bool preferred)
    {
        DocumentResult<ApplicationSubmission> read = await ApplicationDocument.ReadAsync(context.Request.Body, maxBytes, context.RequestAborted).ConfigureAwait(false);
        if (!read.IsValid)
        {
            if (read.Problems.Any(p => p.Code == DocumentProblemCodes.DocumentTooLarge))
            {
                await TooLargeAsync(context, refusals, maxBytes).ConfigureAwait(false);
                return;
            }

            refusals.Refused(StatusCodes.Status400BadRequest, ServiceProblems.InvalidDocument, record: true);
            await ServiceProblems.Write(context, StatusCodes.Status400BadRequest, ServiceProblems.InvalidDocument, "Invalid application", "The body is not a valid application document; every problem is in errors.", read.Problems.Where(p => p.IsError)).ConfigureAwait(false);
            return;
        }

        RecordResult<EligibilityDecision> decided = batch.Decide(read.Value.Application, 1);
        if (!decided.IsValid)
        {
            refusals.Refused(StatusCodes.Status422UnprocessableEntity, ServiceProblems.Undecidable, record: true);
            await ServiceProblems.Write(context, StatusCodes.Status422UnprocessableEntity, ServiceProblems.Undecidable, "No policy decides the application", "The application is valid, but no policy governs it; see errors.", decided.Problems).ConfigureAwait(false);
            return;
        }

        refusals.Instruments?.Decided(decided.Value);
        if (Activity.Current is Activity activity)
        {
            activity.SetTag(UponEligibilityMetrics.OutcomeTag, EligibilityInstruments.OutcomeName(decided.Value.Outcome));
            activity.SetTag(UponEligibilityMetrics.PolicyIdTag, decided.Value.PolicyId);
            activity.SetTag(UponEligibilityMetrics.PolicyVersionTag, decided.Value.PolicyVersion);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonMediaType + "; charset=utf-8";
        DescribeDetail(context.Response, detail, preferred);
        using (Utf8JsonWriter writer = new(context.Response.BodyWriter, Compact))
        {
            DecisionDocument.Write(writer, decided.Value, detail);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task DecideLinesAsync(HttpContext context, EligibilityBatch batch, Refusals refusals, long maxBufferedAnswers, DecisionDetail detail, bool preferred)
    {
        CancellationToken cancellation = context.RequestAborted;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonLinesMediaType + "; charset=utf-8";
        DescribeDetail(context.Response, detail, preferred);

        // The answers go through a pipe of their own, copied to the response as they come: deciding never waits for a
        // client that has not read yet (up to maxBufferedAnswers), so a client that sends its whole body before it
        // reads still gets every answer. The copying runs inline, on the thread that flushes the answers, until the
        // response cannot take more; then it waits for the client and deciding goes on.
        long resume = Math.Max(1, maxBufferedAnswers / 2);
        Pipe answers = new(new PipeOptions(
            pauseWriterThreshold: maxBufferedAnswers,
            resumeWriterThreshold: resume,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            useSynchronizationContext: false));
        using CancellationTokenSource stopCopying = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task copying = CopyAnswersAsync(answers.Reader, context.Response.BodyWriter, stopCopying.Token);
        BatchSummary summary;
        try
        {
            summary = await DecideIntoAsync(answers.Writer, context.Request.BodyReader, batch, refusals.Instruments, detail, cancellation).ConfigureAwait(false);
        }
        catch
        {
            // The caller answers what went wrong (413 when no answer went out yet, else it aborts): what is still
            // buffered is not sent.
            await stopCopying.CancelAsync().ConfigureAwait(false);
            await answers.Writer.CompleteAsync().ConfigureAwait(false);
            try
            {
                await copying.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The copying was stopped above.
            }

            throw;
        }

        await answers.Writer.CompleteAsync().ConfigureAwait(false);
        await copying.ConfigureAwait(false);
        await context.Response.BodyWriter.FlushAsync(cancellation).ConfigureAwait(false);
        LogBatch(refusals.Logger, summary.Documents, summary.Decisions, summary.Errors);
        refusals.Instruments?.Batch(summary.Documents);
        if (Activity.Current is Activity activity)
        {
            activity.SetTag(UponEligibilityTracing.RecordCountTag, summary.Documents);
            activity.SetTag(UponEligibilityTracing.DecisionCountTag, summary.Decisions);
            activity.SetTag(UponEligibilityTracing.RefusedRecordCountTag, summary.Errors);
        }
    }

    private static async Task<BatchSummary> DecideIntoAsync(PipeWriter output, PipeReader input, EligibilityBatch batch, EligibilityInstruments? instruments, DecisionDetail detail, CancellationToken cancellation)
    {
        BatchSummary summary = default;
        using Utf8JsonWriter writer = new(output, Compact);
        IAsyncEnumerator<RecordResult<EligibilityDecision>> records = batch.EvaluateAsync(input, BatchFormat.JsonLines, cancellation).GetAsyncEnumerator(cancellation);
        await using (records.ConfigureAwait(false))
        {
            while (true)
            {
                ValueTask<bool> next = records.MoveNextAsync();
                if (!next.IsCompleted && output.UnflushedBytes > 0)
                {
                    // The next application has not arrived: what is decided goes out now, so that a client streaming
                    // its applications sees each decision without waiting for the end of its body.
                    if ((await output.FlushAsync(cancellation).ConfigureAwait(false)).IsCompleted)
                    {
                        break;
                    }
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                RecordResult<EligibilityDecision> record = records.Current;
                summary = summary.Add(record);
                instruments?.Answered(record);
                writer.Reset();
                DecisionDocument.WriteRecord(writer, record, detail);
                writer.Flush();
                output.GetSpan(1)[0] = (byte)'\n';
                output.Advance(1);
                if (output.UnflushedBytes >= FlushBytes && (await output.FlushAsync(cancellation).ConfigureAwait(false)).IsCompleted)
                {
                    break;
                }
            }
        }

        await output.FlushAsync(cancellation).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Copies the answers to the response as they are flushed, until they end; the response is flushed after each read.</summary>
    private static async Task CopyAnswersAsync(PipeReader answers, PipeWriter response, CancellationToken cancellation)
    {
        try
        {
            while (true)
            {
                ReadResult read = await answers.ReadAsync(cancellation).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;

                // A block at a time, each flushed: the server's response buffer holds one block, and the rest waits
                // in the pipe, in memory that goes back to the pool when the request ends.
                ReadOnlySequence<byte> block = buffer.Slice(0, Math.Min(buffer.Length, FlushBytes));
                bool more = block.Length < buffer.Length;
                foreach (ReadOnlyMemory<byte> segment in block)
                {
                    response.Write(segment.Span);
                }

                answers.AdvanceTo(block.End);
                if (!block.IsEmpty && (await response.FlushAsync(cancellation).ConfigureAwait(false)).IsCompleted)
                {
                    return;
                }

                if (read.IsCompleted && !more)
                {
                    return;
                }
            }
        }
        finally
        {
            // Deciding stops at its next flush when the answers can no longer go out.
            await answers.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static BodyKind? ReadBodyKind(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? media))
        {
            return null;
        }

        // A parameter's value may be quoted (RFC 9110 5.6.6): charset="utf-8" is charset=utf-8.
        StringSegment charset = HeaderUtilities.RemoveQuotes(media.Charset);
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        StringSegment type = media.MediaType;
        if (type.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        return type.Equals(JsonLinesMediaType, StringComparison.OrdinalIgnoreCase) || type.Equals(JsonLinesAlternativeMediaType, StringComparison.OrdinalIgnoreCase)
            ? BodyKind.JsonLines
            : null;
    }

    private static DecisionScope ReadScope(IQueryCollection query, List<DocumentProblem> problems)
    {
        string? policy = Single(query, "policy", problems);
        string? versionText = Single(query, "version", problems);
        string? asOfText = Single(query, "asOf", problems);
        int? version = null;
        if (versionText is not null)
        {
            if (int.TryParse(versionText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed >= 1)
            {
                version = parsed;
            }
            else
            {
                problems.Add(new DocumentProblem("version", DocumentProblemCodes.OutOfRange, "The version must be a whole number from 1."));
            }

            if (policy is null)
            {
                problems.Add(new DocumentProblem("version", DocumentProblemCodes.Required, "A version needs the policy it is a version of (the policy parameter)."));
            }
        }

        LocalDate? asOf = null;
        if (asOfText is not null)
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (parsed.Success && EligibilityDates.Range.Contains(parsed.Value))
            {
                asOf = parsed.Value;
            }
            else if (parsed.Success)
            {
                // A batch decides only dates in the range (it throws for others): a date outside it is the client's error.
                problems.Add(new DocumentProblem("asOf", DocumentProblemCodes.OutOfRange, $"The date must lie from {LocalDatePattern.Iso.Format(EligibilityDates.Range.Start)} to {LocalDatePattern.Iso.Format(EligibilityDates.Range.End)}."));
            }
            else
            {
                problems.Add(new DocumentProblem("asOf", DocumentProblemCodes.DateInvalid, "The date must be yyyy-MM-dd and exist in the calendar."));
            }
        }

        if (policy is not null && string.IsNullOrWhiteSpace(policy))
        {
            problems.Add(new DocumentProblem("policy", DocumentProblemCodes.Empty, "The policy identifier is empty."));
        }

        return new DecisionScope(policy, version, asOf);
    }

    private static string? Single(IQueryCollection query, string name, List<DocumentProblem> problems)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            problems.Add(new DocumentProblem(name, RepeatedParameter, "The parameter is given more than once."));
            return null;
        }

        return values[0];
    }

    /// <summary>Where a refused request is told: the log (event <c>EligibilityRequestRefused</c>) and the metrics.</summary>
    private readonly record struct Refusals(ILogger Logger, EligibilityInstruments? Instruments)
    {
        /// <summary>Logs and counts a request refused with <paramref name="status"/>; <paramref name="record"/> when refused for its one application.</summary>
        public void Refused(int status, string code, bool record = false)
        {
            LogRefused(Logger, status, code);
            Instruments?.Refused(status, code, record);
            Activity.Current?.SetTag(UponEligibilityMetrics.ProblemCodeTag, code);
        }
    }

    [LoggerMessage(EventId = 10, EventName = "EligibilityBatchDecided", Level = LogLevel.Information, Message = "Eligibility batch: {Records} records, {Decisions} decisions, {Errors} records with problems.")]
    private static partial void LogBatch(ILogger logger, int records, int decisions, int errors);

    [LoggerMessage(EventId = 11, EventName = "EligibilityRequestRefused", Level = LogLevel.Information, Message = "Eligibility request refused with {Status} ({Code}).")]
    private static partial void LogRefused(ILogger logger, int status, string code);

    [LoggerMessage(EventId = 12, EventName = "EligibilityRequestCancelled", Level = LogLevel.Information, Message = "Eligibility request cancelled: the client disconnected.")]
    private static partial void LogCancelled(ILogger logger);

    private enum BodyKind
    {
        Json,
        JsonLines,
    }
}

/// <summary>Marks the eligibility endpoints, for their OpenAPI description.</summary>
/// <param name="Operation">The operation's identifier.</param>
internal sealed record EligibilityEndpointMetadata(string Operation);
