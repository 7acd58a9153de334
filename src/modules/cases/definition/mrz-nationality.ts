import { type CountryCode, isCountryCode } from "../../../platform/reference/index.js";

/**
 * The nationality an MRZ gives (ICAO Doc 9303 part 3: ISO 3166-1 alpha-3 codes and a few of
 * ICAO's own) as the alpha-2 code of Karvan's country list, which country questions answer with.
 */

/** ISO 3166-1 alpha-3 code, then alpha-2, for each of the 249 countries and territories. */
const isoPairs =
  "ANDAD AREAE AFGAF ATGAG AIAAI ALBAL ARMAM AGOAO ATAAQ ARGAR ASMAS AUTAT AUSAU ABWAW ALAAX AZEAZ BIHBA BRBBB " +
  "BGDBD BELBE BFABF BGRBG BHRBH BDIBI BENBJ BLMBL BMUBM BRNBN BOLBO BESBQ BRABR BHSBS BTNBT BVTBV BWABW BLRBY " +
  "BLZBZ CANCA CCKCC CODCD CAFCF COGCG CHECH CIVCI COKCK CHLCL CMRCM CHNCN COLCO CRICR CUBCU CPVCV CUWCW CXRCX " +
  "CYPCY CZECZ DEUDE DJIDJ DNKDK DMADM DOMDO DZADZ ECUEC ESTEE EGYEG ESHEH ERIER ESPES ETHET FINFI FJIFJ FLKFK " +
  "FSMFM FROFO FRAFR GABGA GBRGB GRDGD GEOGE GUFGF GGYGG GHAGH GIBGI GRLGL GMBGM GINGN GLPGP GNQGQ GRCGR SGSGS " +
  "GTMGT GUMGU GNBGW GUYGY HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IRLIE ISRIL IMNIM INDIN IOTIO IRQIQ IRNIR " +
  "ISLIS ITAIT JEYJE JAMJM JORJO JPNJP KENKE KGZKG KHMKH KIRKI COMKM KNAKN PRKKP KORKR KWTKW CYMKY KAZKZ LAOLA " +
  "LBNLB LCALC LIELI LKALK LBRLR LSOLS LTULT LUXLU LVALV LBYLY MARMA MCOMC MDAMD MNEME MAFMF MDGMG MHLMH MKDMK " +
  "MLIML MMRMM MNGMN MACMO MNPMP MTQMQ MRTMR MSRMS MLTMT MUSMU MDVMV MWIMW MEXMX MYSMY MOZMZ NAMNA NCLNC NERNE " +
  "NFKNF NGANG NICNI NLDNL NORNO NPLNP NRUNR NIUNU NZLNZ OMNOM PANPA PERPE PYFPF PNGPG PHLPH PAKPK POLPL SPMPM " +
  "PCNPN PRIPR PSEPS PRTPT PLWPW PRYPY QATQA REURE ROURO SRBRS RUSRU RWARW SAUSA SLBSB SYCSC SDNSD SWESE SGPSG " +
  "SHNSH SVNSI SJMSJ SVKSK SLESL SMRSM SENSN SOMSO SURSR SSDSS STPST SLVSV SXMSX SYRSY SWZSZ TCATC TCDTD ATFTF " +
  "TGOTG THATH TJKTJ TKLTK TLSTL TKMTM TUNTN TONTO TURTR TTOTT TUVTV TWNTW TZATZ UKRUA UGAUG UMIUM USAUS URYUY " +
  "UZBUZ VATVA VCTVC VENVE VGBVG VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE MYTYT ZAFZA ZMBZM ZWEZW";

/**
 * ICAO's codes for nationals of a state that are not ISO codes: Germany's passports say `D`, and
 * the kinds of British nationality each have a code. Codes of organisations (UNO, EUE...), of
 * stateless persons and refugees (XXA, XXB, XXC, XXX), of Kosovo (RKS, not on the ISO list) and of
 * states that no longer exist name no country of the list: the question stays for the person.
 */
const icaoOwnCodes: Record<string, CountryCode> = {
  D: "DE",
  GBD: "GB",
  GBN: "GB",
  GBO: "GB",
  GBP: "GB",
  GBS: "GB",
};

const countryByCode = new Map<string, string>(
  isoPairs.split(" ").map((pair) => [pair.slice(0, 3), pair.slice(3)]),
);

/** The country of the list an MRZ nationality code names (fillers `<` ignored), if any. */
export function countryOfNationality(code: string): CountryCode | undefined {
  const bare = code.replaceAll("<", "");
  const country = icaoOwnCodes[bare] ?? countryByCode.get(bare);
  return isCountryCode(country) ? country : undefined;
}
