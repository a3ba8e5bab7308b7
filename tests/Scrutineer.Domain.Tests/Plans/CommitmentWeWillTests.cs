using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Domain.Tests.Plans;

/// <summary>A commitment reads as a sentence after "We will": a capital lowered, an abbreviation kept, "We will" never twice.</summary>
public sealed class CommitmentWeWillTests
{
    [Theory]
    [InlineData("Close the gap between reported and recorded crime", "We will close the gap between reported and recorded crime")]
    [InlineData("work with partners to reduce harm", "We will work with partners to reduce harm")]
    [InlineData("ASB hotspots get a named officer", "We will ASB hotspots get a named officer")]
    [InlineData("We will Tackle knife crime", "We will Tackle knife crime")]
    public void WeWill_Text_ReadsAsASentence(string text, string expected)
    {
        var plan = new Plan("Police and Crime Plan 2021-2024", new FinancialYear(2021), new FinancialYear(2024));
        var unit = new Unit("North Local Policing Area", "North LPA", Enum.GetValues<UnitKind>()[0]);
        var commitment = plan.AddPriority("Safer streets", "Less crime").AddCommitment(text, [unit]);

        Assert.Equal(expected, commitment.WeWill);
    }
}
