using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// For any application document broken in one way (ApplicationDocumentGenerators.Invalid), the endpoint answers 400
/// request.invalid-document whose errors are the reader's problems, the defect's path and code among them.
/// </summary>
public sealed class InvalidDocumentProperties(DefaultHost host) : IClassFixture<DefaultHost>
{
    [Property]
    public Property AnInvalidDocument_IsAnswered400_WithEveryProblemOfTheReader() =>
        Prop.ForAll(ApplicationDocumentGenerators.Invalid(), document =>
        {
            (HttpStatusCode status, Samples.Problem problem) = Task.Run(() => PostAsync(document.Json)).GetAwaiter().GetResult();

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(ServiceProblems.InvalidDocument, problem.Code);
            Assert.Contains((document.Path, document.Code), problem.Errors);
            Assert.Equal(ApplicationDocument.Parse(document.Json).Problems.Where(p => p.IsError).Select(p => (p.Path, p.Code)), problem.Errors);
        });

    private async Task<(HttpStatusCode, Samples.Problem)> PostAsync(string json)
    {
        using HttpClient client = host.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(json));
        return (response.StatusCode, await Samples.ReadProblemAsync(response));
    }
}
