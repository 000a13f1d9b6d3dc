using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>Puts the response compression middleware first in the sample host's pipeline (the host registers the services).</summary>
internal sealed class CompressionFirst : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseResponseCompression();
        next(app);
    };
}
