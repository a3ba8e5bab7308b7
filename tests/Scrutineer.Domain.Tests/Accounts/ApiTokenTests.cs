using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Tests.Accounts;

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsActive_UntilExpiryOrRevocation()
    {
        var token = new ApiToken(1, " Power BI ", "hash", Now, Now.AddDays(1));

        Assert.Equal("Power BI", token.Name);
        Assert.True(token.IsActive(Now.AddDays(1).AddTicks(-1)));
        Assert.False(token.IsActive(Now.AddDays(1)));
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsActive(Now.AddHours(1)));
        Assert.Equal("The token 'Power BI' was already revoked.", Assert.Throws<DomainException>(() => token.Revoke(Now.AddHours(2))).Message);
    }

    [Fact]
    public void New_ExpiryNotInTheFuture_Refused()
    {
        var refused = Assert.Throws<DomainException>(() => new ApiToken(1, "x", "hash", Now, Now));

        Assert.Equal("The expiry date must be in the future.", refused.Message);
    }
}
