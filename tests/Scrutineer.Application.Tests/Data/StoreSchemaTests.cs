using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema the model describes, on both engines:
/// a store built by migrations is compared column by column with one built straight from the model.
/// </summary>
public sealed class StoreSchemaTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Migrations_BuildTheModelsSchema(StoreProvider provider)
    {
        await using var migrated = await TestStore.CreateAsync(provider);
        await using var created = await TestStore.CreateAsync(provider, migrate: false);
        await using (var db = created.Open())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeAsync(migrated);
        var fromModel = await DescribeAsync(created);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Upgrade_RunTwice_KeepsDataAndAppliesNothingNew(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            db.Units.Add(new Domain.Plans.Unit("Kept Unit", "KU", Domain.Plans.UnitKind.Team));
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            var before = await StoreSchema.AppliedAsync(db);
            await StoreSchema.UpgradeAsync(db);
            Assert.Equal(before, await StoreSchema.AppliedAsync(db));
            Assert.Equal("Kept Unit", (await db.Units.SingleAsync()).Name);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Upgrade_FromTheFirstSchema_KeepsItsData(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        await using (var db = store.Open())
        {
            var all = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(all[0]);
            // Written in the first schema's own terms: the current model may have columns the first schema lacks.
            foreach (var sql in new[]
            {
                "INSERT INTO \"Units\" (\"Name\", \"ShortName\", \"Kind\") VALUES ('Old Unit', 'OU', 'Command')",
                "INSERT INTO \"Plans\" (\"Title\", \"FirstYear\", \"LastYear\", \"DocumentVersion\", \"AuthorUnit\", \"Author\", \"DocumentOwner\", \"Classification\") "
                    + "VALUES ('Old Plan', 2016, 2019, '1.0', 'OPCC', 'Author', 'Owner', 'Official')",
                "INSERT INTO \"Priorities\" (\"PlanId\", \"Number\", \"Title\", \"Objective\") SELECT \"Id\", 1, 'Old priority', 'do good' FROM \"Plans\"",
                "INSERT INTO \"Commitments\" (\"PriorityId\", \"Number\", \"Text\") SELECT \"Id\", 1, 'Keep this' FROM \"Priorities\"",
                "INSERT INTO \"Responsibilities\" (\"CommitmentId\", \"UnitId\", \"Position\") SELECT c.\"Id\", u.\"Id\", 1 FROM \"Commitments\" c, \"Units\" u",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        await using (var db = store.Open())
        {
            await StoreSchema.UpgradeAsync(db);

            Assert.Equal(db.Database.GetMigrations(), await StoreSchema.AppliedAsync(db));
            Assert.Equal("Keep this", (await db.Commitments.SingleAsync()).Text);
            Assert.Equal("OU", (await db.Units.SingleAsync()).ShortName);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task IsCurrent_NewStore_FalseUntilUpgraded(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        await using var db = store.Open();

        Assert.False(await StoreSchema.IsCurrentAsync(db));
        await StoreSchema.UpgradeAsync(db);
        Assert.True(await StoreSchema.IsCurrentAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task IsCurrent_LastMigrationMissing_FalseAndUpgradeAppliesIt(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider, migrate: false);
        await using var db = store.Open();
        var all = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(all[^2]);

        Assert.False(await StoreSchema.IsCurrentAsync(db));
        await StoreSchema.UpgradeAsync(db);
        Assert.True(await StoreSchema.IsCurrentAsync(db));
        Assert.Equal(all, await StoreSchema.AppliedAsync(db));
    }

    [Fact]
    public async Task Known_IsWhatTheMigratorApplies()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite, migrate: false);
        await using var db = store.Open();

        Assert.Equal(db.Database.GetMigrations(), StoreSchema.Known);
        Assert.Contains(Scrutineer.Application.Data.Migrations.M0060_Classification.Name, StoreSchema.Known);
    }

    private static async Task<List<string>> DescribeAsync(TestStore store)
    {
        await using var db = store.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = store.Location.Provider == StoreProvider.Sqlite
            ? """
              SELECT m.name, p.name, p.type, p."notnull", p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('__SchemaHistory', '__EFMigrationsLock')
              UNION ALL
              SELECT 'index:' || m.tbl_name, m.name, (SELECT group_concat(name) FROM pragma_index_info(m.name)), 0, 0
              FROM sqlite_master m WHERE m.type = 'index' AND m.name NOT LIKE 'sqlite_%' AND m.tbl_name NOT IN ('__SchemaHistory', '__EFMigrationsLock')
              """
            : """
              SELECT c.table_name, c.column_name, c.data_type || coalesce('(' || c.character_maximum_length || ')', ''),
                     CASE c.is_nullable WHEN 'NO' THEN 1 ELSE 0 END, coalesce(c.is_identity, 'NO')
              FROM information_schema.columns c
              WHERE c.table_schema = 'public' AND c.table_name NOT IN ('__SchemaHistory', '__EFMigrationsLock')
              UNION ALL
              SELECT 'index:' || tablename, indexname, indexdef, 0, '' FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('__SchemaHistory', '__EFMigrationsLock')
              """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
