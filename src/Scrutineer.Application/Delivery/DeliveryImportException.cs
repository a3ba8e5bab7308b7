using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Delivery;

/// <summary>A workbook that cannot be imported: the message names the file (and sheet, row and field where there is one) and says what was expected.</summary>
public sealed class DeliveryImportException(string message) : DomainException(message);
