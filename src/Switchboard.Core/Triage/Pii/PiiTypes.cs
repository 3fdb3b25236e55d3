namespace Switchboard.Core.Triage.Pii;

/// <summary>Names of the personal-data types triage reports in <see cref="PiiSpan.Type"/>.</summary>
public static class PiiTypes
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string PaymentCard = "payment_card";
    public const string Iban = "iban";
    public const string StreetAddress = "street_address";
}
