const codes: Record<string, string> = {
  b: "1",
  f: "1",
  p: "1",
  v: "1",
  c: "2",
  g: "2",
  j: "2",
  k: "2",
  q: "2",
  s: "2",
  x: "2",
  z: "2",
  d: "3",
  t: "3",
  l: "4",
  m: "5",
  n: "5",
  r: "6",
};

/**
 * American Soundex of a normalised Latin name (letter and three digits; "" when there is no letter):
 * a phonetic key that survives most single-letter typing errors after the first letter.
 */
export function soundex(name: string): string {
  const letters = name.toLowerCase().replace(/[^a-z]/g, "");
  if (letters.length === 0) return "";
  let key = letters.charAt(0).toUpperCase();
  let previous = codes[letters.charAt(0)] ?? "";
  for (let i = 1; i < letters.length && key.length < 4; i++) {
    const letter = letters.charAt(i);
    const code = codes[letter];
    if (code === undefined) {
      // h and w do not separate two equal codes; vowels do.
      if (letter !== "h" && letter !== "w") previous = "";
      continue;
    }
    if (code !== previous) key += code;
    previous = code;
  }
  return key.padEnd(4, "0");
}
