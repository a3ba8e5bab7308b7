using Scrutineer.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScrutineer();
var app = builder.Build();
app.UseScrutineer();
await app.PrepareStoreAsync();
await app.RunAsync();
