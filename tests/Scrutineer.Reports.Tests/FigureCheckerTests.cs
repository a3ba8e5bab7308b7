using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Reports.Tests;

public sealed class FigureCheckerTests
{
    [Theory]
    [InlineData("41 out of 120 (34%) referrals were closed.")]
    [InlineData("41 out of 120 (34.2%) referrals were closed.")]
    [InlineData("1 out of 3 (33%) schools took part.")]
    [InlineData("2 out of 3 (67%) schools took part.")]
    [InlineData("1 out of 8 (12.5%) was repeated; 1 out of 8 (13%) too, rounded half up; 1 out of 8 (12%) half down.")]
    [InlineData("In total 1,250 out of 2,500 (50%) calls were answered.")]
    [InlineData("82 of the 100 arrests (82%) led to a charge.")]
    [InlineData("Of the 64 referrals received, 16 (25%) were from schools and 48 (75%) from parents.")]
    [InlineData("A total of 200 sessions were delivered: 30% (60 sessions) in schools and 70% (140 sessions) in youth clubs.")]
    [InlineData("Shares of 26% (13) and 48% (24) were reported.")]
    [InlineData("25% (5) of the 20 cases were closed.")]
    [InlineData("Burglary increased by 25% from June 2021 (357) to July 2021 (446).")]
    [InlineData("This is an increase of 2.9% from 29,190 to 30,038.")]
    [InlineData("Recorded ASB fell from 12,500 in 2016/17 to 9,000 in 2019/20, a reduction of 28 per cent.")]
    [InlineData("Officer numbers increased from 474 to 516 during the last quarter (42 additional officers).")]
    [InlineData("Officer numbers increased by 42 from 474 to 516.")]
    [InlineData("DVPOs show a decrease of just 5% from 120 to 114.")]
    [InlineData("Arrests rose from 100 to 120 while charges fell from 80 to 60.")]
    [InlineData("Satisfaction increased from 70% to 75%, an increase of 5 percentage points.")]
    [InlineData("Satisfaction rose by 5% from 70% to 75%.")]
    [InlineData("The team moved from 2022 to 2023 and saw a decrease in demand.")]
    [InlineData("41 DVPNs were authorised this quarter, an increase compared with 16 last quarter.")]
    [InlineData("Compared to last year there was a reduction in knife crime.")]
    [InlineData("In July–September 2023 there were 212 roadside checks, a decrease from 240 in the previous quarter.")]
    [InlineData("In July–September 2023, 41 notices were authorised, an increase of 156.3% from 16 to 41 on the previous three months.")]
    [InlineData("Q2 (July–September 2023) saw 41 notices.")]
    [InlineData("During Q1 (Apr-Jun 2023) and Q3 (October to December) we met monthly; Q4 (Jan-Mar 2024) is next.")]
    [InlineData("In the three-month period July-Sept 2023: - 41 DVPNs were authorised.")]
    [InlineData("This is more than the preceding 3 months (01/04/23 – 30/06/23) during which 16 DVPNs were authorised.")]
    [InlineData("Data for 12 months to end of June 2021, in comparison to the previous 12 months:\n12 Month ending June 20 | 12 Month ending June 21 | Diff. | % Diff.\n29190 | 30038 | 848 | +2.9%")]
    [InlineData("Strand | Total actions | Complete | Ongoing | At risk\nDomestic Abuse | 10 | 4 | 5 | 1\nHate Crime | 6 | 2 | 4 | 0\nTotal | 16 | 6 | 9 | 1")]
    [InlineData("Offence Type\t12 Month ending Sep 20\t12 Month ending Sep 21\tDiff.\t% Diff.\nBurglary\t2000\t1460\t-540\t-27.0%\nRobbery\t800\t900\t100\t+12.5%")]
    [InlineData("The unit was set up in 2019 and 3 officers (10%) joined; no total is stated.")]
    [InlineData("Seized £1,303,000 cash and 24.7Kg of drugs; 82 arrests.")]
    [InlineData("We visited 112 different schools out of 400 in Essex.")]
    [InlineData("Over the same period, burglary had gone from 13,032 reported incidents to 6,535, a reduction of 50 per cent, and theft from 25,872 to 23,112, a reduction of 11 per cent.")]
    [InlineData("In 2020 alone, more than 150 people were arrested. This is an increase of more than 30 arrests compared to 2019.")]
    [InlineData("In the 12 months to February 2021, there was a 5.1 per cent reduction in the number of recorded child abuse offences in the county (a reduction of 284 compared with the previous 12 months).")]
    [InlineData("There is a decrease of just 1.15% (6 less) in Domestic Violence Protection Notices (DVPN) and Protection Orders (DVPO) in the last 12 months compared to the previous 12 months.")]
    [InlineData("Personal Robbery offences have increased by 25% from Q1 to Q2. Offences in Q2 2021 have increased by 4% compared to Q2 in 2020.")]
    [InlineData("\tTotal Strands\tComplete\tOngoing/In progress\tAt risk\nDomestic Abuse\t37\t13\t24\t0\nChild Abuse and Exploitation\t23\t3\t20\t0\n\nExtremism and Radicalisation\t15\t1\t14\t0\nDigital Crime and Fraud\t43\t27\t16\t1\nTotal\t118\t44\t74\t1")]
    [InlineData("12 months ending September 2021 vs previous 12 months: 3291 → 4177, +886, +26.9%.")]
    [InlineData("Burglary: 1,200 → 1,140, −60, −5.0%; robbery 400 -> 380, -20, -5%.")]
    [InlineData("| | Strand | Total actions | Complete | Ongoing\n\n| Domestic Abuse | 10 | 4 | 6\n\n| Hate Crime | 6 | 2 | 4\n\n| Total | 16 | 6 | 10")]
    public void Check_ConsistentClaim_NothingFlagged(string text)
    {
        var findings = FigureChecker.Check(text, "test");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("41 out of 120 (43%) referrals were closed.", "34.2%")]
    [InlineData("1 out of 3 (30%) schools took part.", "33.3%")]
    [InlineData("2 out of 3 (66%) schools took part.", "66.7%")]
    [InlineData("130 out of 120 (100%) referrals were closed.", "larger than the total")]
    [InlineData("82 of the 100 arrests (28%) led to a charge.", "82.0%")]
    [InlineData("Of the 64 referrals received, 16 (25%) were from schools and 40 (75%) from parents.", "62.5%")]
    [InlineData("A total of 200 sessions were delivered: 30% (60 sessions) in schools and 60% (140 sessions) in youth clubs.", "70.0%")]
    [InlineData("25% (6) of the 20 cases were closed.", "30.0%")]
    [InlineData("Burglary increased by 30% from June 2021 (357) to July 2021 (445).", "24.6%")]
    [InlineData("This is an increase of 3.9% from 29,190 to 30,038.", "2.9%")]
    [InlineData("This is an increase of 2.9% from 30,038 to 29,190.", "a decrease")]
    [InlineData("Recorded ASB fell from 12,500 in 2016/17 to 9,000 in 2019/20, a reduction of 38 per cent.", "28.0%")]
    [InlineData("Officer numbers decreased from 474 to 516 during the last quarter.", "an increase, not a decrease")]
    [InlineData("Officer numbers increased by 40 from 474 to 516.", "change of 42")]
    [InlineData("Arrests rose from 100 to 120 while charges rose from 80 to 60.", "a decrease, not an increase")]
    [InlineData("Knife crime rose from 300 to 300.", "no change")]
    [InlineData("41 DVPNs were authorised this quarter, a decrease compared with 16 last quarter.", "an increase, not a decrease")]
    [InlineData("Q2 (April–June 2023) saw 41 notices.", "July–September")]
    [InlineData("In January–March 2024 there were 212 roadside checks, an increase from 240 in the previous quarter.", "a decrease, not an increase")]
    [InlineData("Q4 (Oct-Dec 2023) saw 41 notices.", "January–March")]
    [InlineData("In the three-month period July-Dec 2023: - 41 DVPNs were authorised.", "6 months, not 3")]
    [InlineData("This is more than the preceding 3 months (01/03/23 – 30/06/23) during which 16 DVPNs were authorised.", "4 months, not 3")]
    [InlineData("Data for 12 months to end of September 2020, in comparison to the previous 12 months:\n12 Month ending June 19 | 12 Month ending June 20 | Diff. | % Diff.\n29190 | 30038 | 848 | +2.9%", "ending June 2020")]
    [InlineData("Strand | Total actions | Complete | Ongoing | At risk\nDomestic Abuse | 10 | 4 | 5 | 1\nHate Crime | 6 | 2 | 4 | 0\nTotal | 17 | 6 | 9 | 1", "add up to 16")]
    [InlineData("Strand | Total actions | Complete | Ongoing | At risk\nDomestic Abuse | 11 | 4 | 5 | 1\nHate Crime | 6 | 2 | 4 | 0", "= 10, not 11")]
    [InlineData("12 Month ending June 20 | 12 Month ending June 21 | Diff. | % Diff.\n29190 | 30038 | 81 | +2.9%", "= 848, not 81")]
    [InlineData("Offence Type\t12 Month ending Sep 20\t12 Month ending Sep 21\tDiff.\t% Diff.\nBurglary\t2000\t1460\t-540\t-37.9%", "-27.0%")]
    [InlineData("\tTotal Strands\tComplete\tOngoing/In progress\tAt risk\nDomestic Abuse\t37\t13\t24\t0\n\nDigital Crime and Fraud\t43\t27\t16\t1\nTotal\t90\t40\t40\t1", "add up to 80, not 90")]
    [InlineData("12 months ending September 2021 vs previous 12 months: 3291 → 4177, +896, +26.9%.", "difference of +886, not +896")]
    [InlineData("12 months ending September 2021 vs previous 12 months: 3291 → 4177, +886, +29.6%.", "+26.9%, not +29.6%")]
    [InlineData("Burglary: 1,200 → 1,140, −60, +5.0%.", "−5.0%, not +5.0%")]
    public void Check_InconsistentClaim_FlaggedWithWhatTheFiguresImply(string text, string implied)
    {
        var findings = FigureChecker.Check(text, "Priority 1, 1.1");

        var finding = Assert.Single(findings);
        Assert.Contains(implied, finding.Implied, StringComparison.Ordinal);
        Assert.StartsWith("Priority 1, 1.1, line ", finding.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ClaimOnThirdLine_ReportsThatLine()
    {
        var findings = FigureChecker.Check("Opening line.\n\nThis is an increase of 10% from 100 to 120.", "draft.txt");

        var finding = Assert.Single(findings);
        Assert.Equal("draft.txt, line 3", finding.Where);
        Assert.Equal("increase of 10% from 100 to 120", finding.Claim);
        Assert.Contains("20.0%", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PeriodGiven_ThisQuarterMustNameItsMonths()
    {
        var period = FinancialQuarter.Parse("Q2 2023/24");

        Assert.Empty(FigureChecker.Check("Activity this quarter (July-September 2023) was high. Data to: End September 2023", "x", period));
        var findings = FigureChecker.Check("Activity this quarter (April-June 2023) was high. Data to: End June 2023", "x", period);
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Implied.Contains("July–September 2023", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Implied.Contains("end of September 2023", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SeveralClaims_EachInconsistentOneListedOnce()
    {
        const string text = "Of the 50 referrals, 10 (20%) were urgent.\nArrests increased from 10 to 8.\n41 out of 120 (43%) were closed.\nCrime fell by 10% from 200 to 180.";

        var findings = FigureChecker.Check(text, "t");

        Assert.Equal(2, findings.Count);
        Assert.Equal(["t, line 2", "t, line 3"], findings.Select(f => f.Where));
    }
}
