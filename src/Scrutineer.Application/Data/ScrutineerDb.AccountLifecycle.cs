using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Data;

public sealed partial class ScrutineerDb
{
    /// <summary>Second sign-in steps (authenticator secrets, protected, and recovery-code hashes), one per account at most.</summary>
    public DbSet<TwoStepCredential> TwoStepCredentials => Set<TwoStepCredential>();

    /// <summary>Settings of the store as a whole, by name.</summary>
    public DbSet<StoreSetting> StoreSettings => Set<StoreSetting>();
}
