using Microsoft.EntityFrameworkCore.Metadata;

namespace Scrutineer.Application.Data.CompiledModel.Sqlite;

/// <summary>The compiled observations with the filter that holds provisional months (written by hand; the rest is generated).</summary>
public partial class ObservationEntityType
{
    static partial void Customize(RuntimeEntityType runtimeEntityType) => StoreModel.HoldProvisionalMonths(runtimeEntityType);
}
