using System.Text;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Domain.Tests.Accounts;

public sealed class TimeBasedOneTimePasswordTests
{
    /// <summary>The RFC 6238 appendix B secret for HMAC-SHA1.</summary>
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Code_Rfc6238TestVectors_Match(long unixSeconds, string expected)
    {
        var step = TimeBasedOneTimePassword.Step(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, TimeBasedOneTimePassword.Code(RfcSecret, step, digits: 8));
        Assert.Equal(expected[2..], TimeBasedOneTimePassword.Code(RfcSecret, step));
    }

    [Fact]
    public void Verify_CodeOfNowOrOneStepEitherSide_Accepted_TwoStepsOut_Refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = TimeBasedOneTimePassword.Step(now);

        Assert.Equal(step, TimeBasedOneTimePassword.Verify(RfcSecret, TimeBasedOneTimePassword.Code(RfcSecret, step), now, 0));
        Assert.Equal(step - 1, TimeBasedOneTimePassword.Verify(RfcSecret, TimeBasedOneTimePassword.Code(RfcSecret, step - 1), now, 0));
        Assert.Equal(step + 1, TimeBasedOneTimePassword.Verify(RfcSecret, TimeBasedOneTimePassword.Code(RfcSecret, step + 1), now, 0));
        Assert.Null(TimeBasedOneTimePassword.Verify(RfcSecret, TimeBasedOneTimePassword.Code(RfcSecret, step - 2), now, 0));
        Assert.Null(TimeBasedOneTimePassword.Verify(RfcSecret, TimeBasedOneTimePassword.Code(RfcSecret, step + 2), now, 0));
    }

    [Fact]
    public void Verify_CodeAlreadyUsed_Refused()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = TimeBasedOneTimePassword.Step(now);
        var code = TimeBasedOneTimePassword.Code(RfcSecret, step);

        Assert.Null(TimeBasedOneTimePassword.Verify(RfcSecret, code, now, lastUsedStep: step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("1234567")]
    public void Verify_NotSixDigits_Refused(string? code) =>
        Assert.Null(TimeBasedOneTimePassword.Verify(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(59), 0));

    [Fact]
    public void Uri_NamesIssuerAccountAndBase32Secret()
    {
        var uri = TimeBasedOneTimePassword.Uri("Scrutineer", "priya.shah", RfcSecret);

        Assert.Equal("otpauth://totp/Scrutineer:priya.shah?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Scrutineer&algorithm=SHA1&digits=6&period=30", uri);
    }

    [Fact]
    public void Base32_RoundTrips_AndRefusesOtherCharacters()
    {
        Assert.Equal(RfcSecret, Base32.Decode(Base32.Encode(RfcSecret)));
        Assert.Equal(RfcSecret, Base32.Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        var ex = Assert.Throws<Scrutineer.Domain.Common.DomainException>(() => Base32.Decode("GEZ1"));
        Assert.Equal("'1' is not a base32 character: use the letters A to Z and the digits 2 to 7.", ex.Message);
    }
}
