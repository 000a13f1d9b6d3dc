using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.AspNetCore;

// begin-snippet: service-host
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

// The built-in policies and, when Upon:Eligibility:PolicyDirectory is set, the policy documents of that folder.
builder.Services.AddUponEligibility();

WebApplication app = builder.Build();
app.MapOpenApi();
app.MapUponEligibility("/eligibility");
app.Run();
// end-snippet

/// <summary>The host's entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
