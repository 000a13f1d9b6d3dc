using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Upon.Core.AspNetCore.Tests;

public sealed class SmokeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Policies_AreListed()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync("/eligibility/policies");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aspirant-2021-22", body);
        string openapi = await client.GetStringAsync("/openapi/v1.json");
        System.IO.File.WriteAllText("/tmp/openapi.json", openapi);
        using StringContent lines = new("{}\nnot json\n", Encoding.UTF8);
        lines.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using HttpResponseMessage decided = await client.PostAsync("/eligibility/decisions", lines);
        System.IO.File.WriteAllText("/tmp/lines.txt", await decided.Content.ReadAsStringAsync());
    }
}
