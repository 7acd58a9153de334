/**
 * The stay part of a stay registration's answers, at the hotel the tests register guests in: only
 * the dates differ between tests (each test's clock puts the arrival within the legal days).
 */
export function hotelStay(arrivalDate: string, departureDate: string) {
  return {
    arrivalDate,
    departureDate,
    accommodation: "hotel",
    hostName: "Caspian Pearl Hotel",
    stayAddress: { street: "Neftchilar avenue 12", city: "Baku", region: "AZ-BA", postcode: "AZ1000" },
  };
}
