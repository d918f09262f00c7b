// The short reasons the fictitious caseworkers give, per level. Invented, general wording: no names,
// no places, no numbers.

export const REASONS: Record<string, readonly string[]> = {
  ingen: [
    'Tillfällig kontakt, inga kvarstående behov.',
    'Utredningen visade inga behov av insatser.',
    'Ett enskilt problem som familjen själv har löst.',
    'Inga tecken på sammansatta behov.',
    'Kort kontakt, familjen har ett fungerande nätverk.',
    'Oron gällde en enstaka händelse som är utredd.',
  ],
  enkel: [
    'Ett avgränsat behov som insatsen möter.',
    'Stöd i föräldraskapet räcker för tillfället.',
    'Skolfrånvaro, skolan och familjen samarbetar kring den.',
    'En aktör utöver socialtjänsten är inkopplad.',
    'Behoven är tydliga och insatsen fungerar.',
    'Familjen tar emot stöd och läget har förbättrats.',
  ],
  mattlig: [
    'Flera behov samtidigt, men familjen samarbetar.',
    'Förälderns ohälsa påverkar vardagen, stöd finns på plats.',
    'Upprepade orosanmälningar, insatser pågår.',
    'Flera aktörer är inblandade och samordningen fungerar delvis.',
    'Barnet har egna behov som kräver stöd från flera håll.',
  ],
  komplex: [
    'Många aktörer är inblandade och insatserna har inte räckt.',
    'Långvarig kontakt med upprepade utredningar.',
    'Flera samverkande problem hos både barn och föräldrar.',
    'Insatser har avbrutits flera gånger utan att behoven minskat.',
    'Brister på flera områden: barnets behov, föräldrarnas förmåga och miljön.',
    'Känd sedan länge, situationen har förvärrats över tid.',
  ],
};
