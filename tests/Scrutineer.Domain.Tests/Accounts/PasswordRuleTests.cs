using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Tests.Accounts;

public sealed class PasswordRuleTests
{
    private const string HarderToGuess = "Enter a password that is harder to guess";

    [Theory]
    [InlineData("coffee train fish")]
    [InlineData("purple tractor lemon")]
    [InlineData("k7qm-x2vd-9hte-pw4r")]
    [InlineData("Correct Horse Battery Staple")]
    [InlineData("ëlan vital moor 7")]
    public void Check_LongUncommonPassword_Accepted(string password) => PasswordRule.Check(password, "priya.shah");

    [Theory]
    [InlineData(null, "Enter a password")]
    [InlineData("", "Enter a password")]
    [InlineData("short words", "Enter a password that is at least 12 characters long")]
    public void Check_MissingOrShort_SaysHowLong(string? password, string message)
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(password, null));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Check_LongerThanMaximum_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(new string('x', 100) + " " + new string('y', 200), null));
        Assert.Equal("Enter a password that is 256 characters or fewer", ex.Message);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("P@ssw0rd2024")]
    [InlineData("123456monkey")]
    [InlineData("qwertyuiop12")]
    [InlineData("passwordpassword")]
    [InlineData("iloveyou2024!")]
    public void Check_CommonPassword_Refused(string password)
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(password, null));
        Assert.StartsWith(HarderToGuess, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijkl")]
    [InlineData("lkjihgfedcba")]
    [InlineData("abcabcabcabc")]
    [InlineData("000000000000")]
    [InlineData("asdfghjklzxc")]
    public void Check_ObviousPattern_Refused(string password)
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(password, null));
        Assert.StartsWith(HarderToGuess, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("priya.shah", "my name is priya.shah")]
    [InlineData("priya.shah@example.police.uk", "priya.shah rides again")]
    public void Check_ContainsUserName_Refused(string userName, string password)
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(password, userName));
        Assert.Equal("Enter a password that is harder to guess: it must not contain your user name", ex.Message);
    }

    [Theory]
    [InlineData("scrutineer rocks!")]
    [InlineData("my police password")]
    public void Check_ContainsServiceName_Refused(string password)
    {
        var ex = Assert.Throws<DomainException>(() => PasswordRule.Check(password, null));
        Assert.StartsWith(HarderToGuess + ": it must not contain the name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoCompositionRules_AllLowerCaseLettersAccepted() => PasswordRule.Check("tangerinepelicanharbour", null);
}
