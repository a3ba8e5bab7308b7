using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Delivery;

/// <summary>A workbook with every irregularity of the force's real 4P workbooks, built in code.</summary>
internal static class MessyWorkbook
{
    public const string Strategy = "Crime Prevention Strategy 2018-2021";

    public static WorkbookBuilder Build(string gangsTask1When = "1st review 28/7/18") => new WorkbookBuilder()
        .Sheet("Strand Leads & Review Dates", s => s
            .Row(2, null, "Strand Leads & Review Dates")
            .Row(4, null, "Leads", "Strategic Lead: C/Supt Dana Whitlock")
            .Row(6, null, "Area", "Tactical Lead", "Operational Lead")
            .Row(7, null, "Gangs", "DCI Jade Fenwick", "DI Amir Grant")
            .Row(8, null, "NTE", "C/Insp Sean Kerr", "TBC")
            .Row(10, null, "Timeline")
            .Row(11, null, null, "Initial 4 P for review"))
        .Sheet("POAP", s => s
            .Row(2, null, "PREVENT", null, "Pursue")
            .Row(4, null, "Education - one message for all schools", null, "Op Falcon - local enforcement teams"))
        .Sheet("Violence - Gangs", s => s
            .Row(1, null, "Violence 4P plan - Gangs")
            .Row(3, null, "Strand", "Task", "How", "Who", "When ", "Task No")
            .Row(4, null, "PREVENT", "Education - a single consistent schools presentation", "Write one presentation for every school visit.", "PW ", gangsTask1When, 1.0)
            .Row(5, null, null, "Drug market - understand which drugs are in use", "Linked to Action (1) - meeting with health partners requested.", "JF", new WorkbookBuilder.MonthCell(new DateTime(2018, 9, 1)), 2.0)
            .Row(6, null, null, "Crimestoppers - find intelligence opportunities")
            .Row(7, null, null, null, "Task a media officer to work with Crimestoppers.", "Ch/Supt Wells Gold.", "COMPLETED", 3.0)
            .Row(8, null, "PURSUE", "Op Falcon - review the local enforcement teams", "Review structure and training of the three teams.", null, "Quarterly", 4.0)
            .Row(9, null, null, "Legislation - pilot new drug trafficking orders", "Apply for an order on one county line.", "JF", "Effective immediate", 5.0)
            .Row(10, null, null, "Legislation - pilot new drug trafficking orders (copy)", "Apply for an order on one county line.", null, "This is a duplicate of task no.5. Kept in case it is needed.", 6.0)
            .Merge("E9:E10")
            .Row(11, null, "PROTECT", "Education - a single consistent schools presentation", "Linked to (1) & (2).", "SK / Analytical", new DateTime(2018, 6, 15), 1.0)
            .Row(12, null, null, "Referral process - agree one route with safeguarding partners", "Map today's referral routes.", "SS/PW", "Referral process under review", 8.0)
            .Row(13, null, null, null, "Also - meeting to be arranged with local pharmacies")
            .Row(15, null, "."))
        .Sheet("Digital Crime & Fraud", s => s
            .Row(2, null, null, "Organised Crime Groups")
            .Row(4, null, "Strand", "Task", "How will this be delivered?/ How will we measure performance?", "Who", "When ", "Task No")
            .Row(5, null, "PREVENT", "Map and score every organised crime group")
            .Row(6, null, null, "Hold monthly local organised crime boards")
            .Row(8, null, "PURSUE", "Map and score every organised crime group"))
        .Sheet("Domestic Abuse", s => s
            .Row(2, null, null, "Domestic Abuse")
            .Row(4, null, "Strand", "Task", "How will this be delivered?/ How will we measure performance?", "Who", "When ", "Task No")
            .Row(5, null, "PREVENT", "Resource the risk conference properly", null, null, null, 1.0)
            .Row(6, null, "PURSUE", "Run a protection notice enforcement campaign", null, null, null, 2.0))
        .Sheet("Domestic Abuse (2)", s => s
            .Row(2, null, null, "Domestic Abuse")
            .Row(4, null, "Strand", "Task", "How will this be delivered?/ How will we measure performance?", "Who", "When ", "Task No")
            .Row(5, null, "PREVENT", "Resource the risk conference properly", "Jointly chaired; reviewed monthly.", "Domestic Abuse Lead for Safeguarding", "Spring 2019", 1.0)
            .Row(6, null, "PURSUE", "Run a protection notice enforcement campaign", "Compare notices issued before and after.", "Domestic Abuse Lead for Investigation", "Jan-18", 2.0));
}
