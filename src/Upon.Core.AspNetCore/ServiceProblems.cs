using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>
/// The problems the eligibility endpoints answer with, as RFC 9457 problem details: a <c>type</c> that names the
/// section of docs/service.md explaining it, a stable <c>code</c>, and for bad input an <c>errors</c> array with each
/// problem's path, stable code and message. Messages never quote the input.
/// </summary>
public static class ServiceProblems
{
    /// <summary>Where the problem types are explained: docs/service.md, one section a type.</summary>
    public const string TypeBase = "https://github.com/upon-core/Upon.Core/blob/main/docs/service.md#";

    /// <summary>400: the body is not a valid application document (every problem in <c>errors</c>).</summary>
    public const string InvalidDocument = "request.invalid-document";

    /// <summary>400: a query parameter is malformed, or names a policy or version the registry does not have.</summary>
    public const string InvalidQuery = "request.invalid-query";

    /// <summary>404: no policy has the identifier in the path.</summary>
    public const string PolicyNotFound = "request.policy-not-found";

    /// <summary>413: the body is larger than the endpoint reads.</summary>
    public const string TooLarge = "request.too-large";

    /// <summary>415: the body is neither <c>application/json</c> nor <c>application/x-ndjson</c> (UTF-8).</summary>
    public const string UnsupportedMediaType = "request.unsupported-media-type";

    /// <summary>422: the application is valid but no policy decides it (its programme year has none on that date).</summary>
    public const string Undecidable = "application.undecidable";

    internal static Task Write(HttpContext context, int status, string code, string title, string detail, IEnumerable<DocumentProblem>? errors = null)
    {
        ProblemDetails problem = new()
        {
            Type = TypeBase + code.Replace('.', '-'),
            Title = title,
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors.Select(e => new ProblemError(e.Path, e.Code, e.Message)).ToArray();
        }

        return WriteAsync(context, problem);
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (context.RequestServices.GetService<IProblemDetailsService>() is IProblemDetailsService service
            && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false))
        {
            return;
        }

        await Results.Problem(problem).ExecuteAsync(context).ConfigureAwait(false);
    }
}

/// <summary>One problem of a request, as the <c>errors</c> of a problem details response lists it.</summary>
/// <param name="Path">Where: a JSON path within the body (<c>$.roles[0].start</c>), or a query parameter's name.</param>
/// <param name="Code">The problem's stable code (<c>date.invalid</c>).</param>
/// <param name="Message">What is wrong, in words; never the value that was sent.</param>
public sealed record ProblemError(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// The JSON metadata of the problem details the endpoints write, generated at compile time: added to the host's HTTP JSON
/// options by <see cref="UponEligibilityServiceCollectionExtensions.AddUponEligibility(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UponEligibilityOptions}?)"/>, so that
/// problems are written in hosts where reflection-based serialization is off (trimmed and native AOT hosts, whose
/// <c>CreateSlimBuilder</c> resolves only the types a context names).
/// </summary>
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(ProblemError[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class ServiceProblemsJsonContext : JsonSerializerContext;
