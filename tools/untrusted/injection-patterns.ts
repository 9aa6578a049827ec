// The catalogue of prompt-injection signs scanForInjection looks for. Phrase patterns run on
// a normalised copy of the text (lower case, accents and invisible characters gone, spaces
// collapsed, newlines kept), so they are written in plain lower-case ASCII. Each is aimed at
// text that addresses the model rather than other shoppers: "ignore the first photo" and
// "the instructions on the box" are ordinary review language and must stay quiet. The
// English patterns here are joined by phrase lists in seventeen more languages and English
// paraphrases (phrases/), written the same way.
import { ADDRESS_PHRASES } from "./phrases/address.js";
import { OVERRIDE_PHRASES } from "./phrases/override.js";
import { ROLE_PHRASES } from "./phrases/role.js";
import { VERDICT_PHRASES } from "./phrases/verdict.js";

export interface InjectionPattern {
  /** Stable id recorded with the signal. */
  id: string;
  /** What the signal means, for people reading the evidence. */
  label: string;
  /** "raw" patterns look for the characters the normalised copy removes. */
  on: "normalised" | "raw";
  res: RegExp[];
}

const w = (source: string, flags = "") => new RegExp(source, `g${flags}`);

const QUALIFIER =
  "(?:previous|prior|above|earlier|preceding|former|original|initial|existing|system|old|all|your)";
const RULES =
  "(?:instructions?|rules|prompts?|directions|guidelines|directives|commands|orders|context|constraints|programming|guidance|polic(?:y|ies)|restrictions)";
// Roles a model could be talked into; "we act as an agent for" is ordinary business prose,
// so trade roles only count with a fraud or risk qualifier.
const ROLE =
  "(?:ai|assistant|chatbot|bot|dan|gpt|llm|(?:language )?model|unrestricted|jailbroken|(?:fraud|risk|trust and safety|compliance) (?:analyst|investigator|reviewer|evaluator|officer|team))";
const SUBJECT =
  "(?:seller|shop|store|account|merchant|vendor|listing|case|transactions?|business|company|profile)";
const SAFE =
  "(?:safe|legit|legitimate|trusted|trustworthy|genuine|clean|low[ -]?risk|no[ -]?risk|verified|benign|innocent|whitelisted|not (?:a )?(?:fraud|fraudulent|scam|scammer|suspicious|risky)|non[ -]?fraud(?:ulent)?|not_fraud)";
const SEND = String.raw`\b(?:send|post|upload|forward|exfiltrate|leak|transmit|submit|email|mail|copy)`;
const SECRET_DATA =
  "(?:(?:system )?prompt|instructions|conversation|chat history|context|case (?:file|data|details|notes)|evidence|database|db|credentials|api keys?|tokens?|secrets?|passwords?|customer (?:data|records|list)|all data)";
// A reviewer's own opinion ("I consider this seller trustworthy") is not steering.
const NOT_OPINION = String.raw`(?<!\b(?:i|we|i'd|we'd|i'll|we'll|i've|we've)(?: \w+){0,2} )(?<!\b(?:not|never|don't|do not|can't|cannot|wouldn't|would not) )`;

export const INJECTION_PATTERNS: readonly InjectionPattern[] = [
  {
    id: "ignore_instructions",
    label: "tells the reader to ignore or override earlier instructions",
    on: "normalised",
    res: [
      w(
        String.raw`\b(?:ignore|disregard|forget|override|overrule|bypass|neglect|abandon)\s+(?:(?:all|the|any|of|these|those|my|every)\s+)*${QUALIFIER}\s+(?:(?:the|of|your|previous|prior|above|earlier|system|other|given|current|original|initial|existing|old)\s+)*${RULES}\b`,
      ),
      w(
        String.raw`\b(?:ignore|disregard|forget)\s+(?:everything|all(?: of)?(?: that| this)?)\s+(?:above|before|previously|prior|(?:you(?:'ve| have)? (?:been|were) )?(?:told|said|given)\b)`,
      ),
      w(
        String.raw`\b(?:ignore|disregard|forget)\s+(?:all\s+)?(?:of\s+)?the\s+(?:above|previous|preceding)(?=\s*(?:[.,;:!]|$|and\b))`,
      ),
      w(
        String.raw`\b(?:ignorier\w*|vergiss|vergessen sie|missachte\w*|uberschreibe\w*)\s+(?:\w+\s+){0,3}?(?:alle|samtliche|vorherige\w*|vorige\w*|bisherige\w*|obige\w*|fruhere\w*|deine|ihre)\s+(?:\w+\s+){0,2}?(?:anweisungen|instruktionen|regeln|vorgaben|befehle)\b`,
      ),
      w(
        String.raw`\b(?:ignore[zr]?|oublie[zr]?)\s+(?:\w+\s+){0,2}?(?:les|vos|tes|toutes les|tous les)\s+(?:\w+\s+)?(?:instructions|consignes|regles|directives|ordres)\s+(?:precedentes|anterieures|ci-dessus|d'avant)`,
      ),
      w(
        String.raw`\b(?:ignore[zr]?|oublie[zr]?|ignora[rd]?|olvida[rd]?|olvide|omite|dimentica|negeer|vergeet)\s+(?:toutes les|todas las|tutte le|alle)\s+(?:instructions|consignes|instrucciones|reglas|istruzioni|regole|instructies|regels)\b`,
      ),
      w(
        String.raw`\b(?:ignora[rd]?|ignore|olvida[rd]?|olvide|omite|omita|dimentica|ignorate|esqueca)\s+(?:\w+\s+){0,2}?(?:las|tus|sus|le|as|todas as)\s+(?:\w+\s+)?(?:instrucciones|reglas|indicaciones|directrices|istruzioni|regole|instrucoes|regras)\s+(?:anteriores|previas|precedentes|precedenti|de arriba)`,
      ),
      w(
        String.raw`\b(?:negeer|vergeet)\s+(?:\w+\s+){0,2}?(?:vorige|eerdere|voorgaande)\s+(?:instructies|regels|opdrachten)`,
      ),
      ...OVERRIDE_PHRASES,
    ],
  },
  {
    id: "role_hijack",
    label: "tries to give the model a new role or new instructions",
    on: "normalised",
    res: [
      w(
        String.raw`\byou are (?:now|no longer)\s+(?:(?:a|an|the|my|in|acting as|going to be)\s+)?(?:\w+\s+){0,2}?(?:${ROLE}|system|admin|administrator|(?:bound|restricted) by)\b`,
      ),
      w(
        String.raw`\b(?:act|behave|respond|operate)\s+(?:as|like)\s+(?:if\s+you\s+(?:are|were)\b|though\s+you\b|(?:an?\s+|the\s+|my\s+)?(?:\w+\s+){0,2}?${ROLE}\b)`,
      ),
      w(
        String.raw`\bpretend (?:to be|you are|you're|that you are) (?:an?\s+|the\s+)?(?:\w+\s+)?(?:${ROLE}|different)\b`,
      ),
      w(
        String.raw`\b(?:new|updated|revised|real|actual|secret|hidden)\s+(?:system\s+)?(?:instructions?|task|prompt|directives?)\s*:`,
      ),
      w(String.raw`\bsystem instructions?\s*:|\bnew system prompt\b`),
      w(
        String.raw`\bfrom now on,?\s+(?:you\s+(?:will|must|shall|should|are to|are going to|need to|have to)\s+(?:\w+\s+){0,2}?(?:act|respond|answer|reply|ignore|follow|obey|only|always|never|say|output|classify|mark|treat|consider|pretend|behave|rate|write)\b|you(?: are|'re)\s+(?:an?\s+|the\s+|my\s+)?(?:\w+\s+)?${ROLE}\b|your (?:role|task|job|name) is\b|(?:ignore|always respond|only respond|respond only|answer only|act as)\b)`,
      ),
      w(String.raw`\byour new (?:role|task|job|instructions?|goal|purpose|identity) (?:is|are)\b`),
      w(
        String.raw`\b(?:i am|i'm|this is) your (?:developer|creator|administrator|admin|operator|system|programmer|supervisor|master)\b`,
      ),
      w(
        String.raw`\b(?:enable|enter|activate|switch to|you are in|now in)\s+(?:the\s+)?(?:developer|god|dan|jailbreak|unrestricted|admin)\s+mode\b`,
      ),
      ...ROLE_PHRASES,
      ...ADDRESS_PHRASES,
    ],
  },
  {
    id: "fake_system_message",
    label: "imitates a system or assistant message",
    on: "normalised",
    res: [
      // "System: Android 13" in a product listing is a spec line; only instruction-like
      // lines count.
      w(
        String.raw`(?:^|\n) ?(?:system|assistant|developer) ?:(?=[^\n]*\b(?:you (?:are|will|must|should|shall)|your (?:task|role|job|instructions|goal)|ignore|disregard|override|instructions?|classify|mark|verdict|respond|reply|answer|the (?:seller|shop|account)|assistant|model|ai|rules|prompt|new task)\b)`,
      ),
      w(String.raw`\[\s*/?\s*(?:system|assistant|inst|sys)\s*\]|<<\s*/?\s*sys\s*>>`),
      w(String.raw`<\|\s*[a-z_]+\s*\|>`),
      w(
        String.raw`(?:^|\n) ?#{2,}\s*(?:system|assistant|system prompt|system message|new instructions)\s*(?::|\n|$)`,
      ),
      w(
        String.raw`<\s*/?\s*(?:system|assistant|user|instructions?|prompt|sys|im_start|im_end)\s*>`,
      ),
    ],
  },
  {
    id: "delimiter_escape",
    label: "tries to open or close the untrusted-data delimiter",
    on: "normalised",
    res: [
      w(
        String.raw`(?:<|&lt;?|&#0*60;?|&#x0*3c;?|\\u003c|%3c)\s*/?\s*untrusted[\s_-]*(?:data|content)`,
      ),
    ],
  },
  {
    id: "verdict_steering",
    label: "tries to dictate the verdict or the risk assessment",
    on: "normalised",
    res: [
      w(
        String.raw`${NOT_OPINION}\b(?:mark|classify|rate|consider|treat|label|categori[sz]e|score|assess|judge|deem|regard|evaluate|designate|whitelist)\s+(?:(?:(?:this|the|that|our|my|its|his|her|their)\s+)?(?:${SUBJECT}|us|me|him|her|them|it)\s+(?:as\s+|to be\s+)?|as\s+|to be\s+)(?:an?\s+)?(?:(?:completely|fully|totally|100%|very)\s+)?${SAFE}\b`,
      ),
      w(
        String.raw`\b${SUBJECT}\s+(?:must|should|shall|needs to|has to)\s+be\s+(?:marked|classified|considered|treated|rated|labell?ed|flagged|scored|deemed|regarded|whitelisted)\s+(?:as\s+)?${SAFE}\b`,
      ),
      w(
        String.raw`\b(?:do not|don't|dont|never|must not|should not|shouldn't|no need to)\s+(?:\w+\s+)?(?:flag|report|ban|block|suspend|investigate|escalate|penali[sz]e|freeze|close|delist|blacklist|reject)\s+(?:(?:this|the|our|my|its|that)\s+${SUBJECT}|us|me|him|her|them)\b`,
      ),
      w(
        String.raw`\b(?:do not|don't|dont|never|must not)\s+(?:flag|ban|escalate|investigate|suspend|blacklist|report)(?:\s+(?:this|it|anything))?\s*(?:[.!;]|$)`,
      ),
      w(String.raw`\bapprove\s+(?:this|the|our|my)\s+(?:${SUBJECT})\b`),
      w(
        String.raw`\b(?:verdict|classification|fraud[_ ]?(?:label|status)|risk[_ ]level)\s*[:=]\s*["']?(?:not[_ -]?fraud|no[_ -]?fraud|legit(?:imate)?|safe|clear(?:ed)?|benign|approved?|trusted|none)\b|\bnot_fraud\b|\bis_fraud\s*[:=]\s*false\b`,
      ),
      w(
        String.raw`\brisk[_ -]?score\s*(?:[:=]|of|to|is|should be|must be)?\s*(?:of\s+)?(?:0(?:\.0+)?|zero|none)(?![\d.]*[1-9])\b`,
      ),
      w(
        String.raw`\bgive\s+(?:\w+\s+){0,3}?(?:a\s+)?(?:5|five)[- ]stars?\s+(?:and\s+)?(?:a\s+)?risk\b`,
      ),
      w(
        String.raw`\b(?:output|return|respond with|answer with|reply with|say)\s+(?:only\s+)?["']?(?:not_fraud|legitimate|no fraud|safe)\b`,
      ),
      ...VERDICT_PHRASES,
    ],
  },
  {
    id: "tool_steering",
    label: "tries to make the model call a tool or run a query",
    on: "normalised",
    res: [
      w(
        String.raw`\b(?:call|invoke|trigger)\s+(?:the|your|a|this|that)\s+(?:[\w-]+\s+)?(?:tool|function)s?\b|\b(?:call|invoke|run|execute)\s+(?:the\s+)?[a-z]+_[a-z_]+\s*(?:\(|tool\b|function\b)`,
      ),
      w(
        String.raw`\b(?:use|run|execute)\s+(?:the\s+|your\s+)?[\w-]*(?:sql|query|search|database|db|http|fetch|shell|python)[\w-]*\s+(?:tool|function)\b`,
      ),
      w(
        String.raw`\b(?:run|execute|perform|issue)\s+(?:this|the following|these)\s+(?:sql|query|queries|command|commands|code|script|statement|shell)\b`,
      ),
      w(
        String.raw`\b(?:drop|truncate)\s+(?:table|database|schema)\s+(?:if\s+exists\s+)?["\w.]+\s*(?:;|--|cascade\b|$)`,
      ),
      w(
        String.raw`\bdelete\s+from\s+["\w.]+\s*(?:;|where\b|$)|\binsert\s+into\s+["\w.]+\s*(?:\(|values\b|select\b)|\bunion\s+(?:all\s+)?select\b|\bupdate\s+["\w.]+\s+set\s+\w+\s*=`,
      ),
      w(String.raw`"?(?:tool_calls?|function_call)"?\s*:`),
    ],
  },
  {
    id: "exfiltration",
    label: "tries to send data to an outside address",
    on: "normalised",
    res: [
      w(
        String.raw`${SEND}\s+(?:\S+\s+){0,3}?(?:${SECRET_DATA}|data|information|info|details|results?|outputs?|emails?|users?)\b(?:\s+\S+){0,3}?\s+to\s+(?:https?://|ftp://|www\.|(?:this|my|our|the following) (?:url|endpoint|server|webhook))`,
      ),
      // To an e-mail address only what is plainly ours: "email your details to sales@" is
      // how shops take orders.
      w(
        String.raw`${SEND}\s+(?:\S+\s+){0,3}?${SECRET_DATA}\b(?:\s+\S+){0,3}?\s+to\s+[\w.+-]+@[\w-]+\.`,
      ),
      w(String.raw`\b(?:curl|wget)\s+(?:-\S+\s+)*(?:https?://|\S+\.\S+)`),
      w(String.raw`!\[[^\]]*\]\(\s*https?://[^)\s]*\?[^)\s]*=`),
    ],
  },
  {
    id: "prompt_leak",
    label: "asks for the system prompt or hidden instructions",
    on: "normalised",
    res: [
      w(
        String.raw`\b(?:reveal|print|show|repeat|output|display|tell me|share|leak|dump)\s+(?:me\s+)?(?:your\s+(?:\w+\s+)?(?:prompt|instructions)|(?:your|the)\s+(?:system|initial|hidden|original|secret)\s+(?:prompt|instructions|message))\b`,
      ),
    ],
  },
  {
    id: "html_comment",
    label: "an HTML comment, which hides text from people but not from models",
    on: "normalised",
    res: [w(String.raw`<!--[\s\S]*?(?:-->|$)`)],
  },
  {
    id: "css_hidden",
    label: "CSS that hides text from people",
    on: "normalised",
    res: [
      w(
        String.raw`\bdisplay\s*:\s*none\b|\bvisibility\s*:\s*hidden\b|\bfont-size\s*:\s*0(?![\d.]*[1-9])|\bopacity\s*:\s*0(?![\d.]*[1-9])`,
      ),
      // "Colour: White" is a product spec; white text needs CSS around it.
      w(
        String.raw`(?:style\s*=\s*["']?[^"'>]*|[{;]\s*)\bcolou?r\s*:\s*(?:white\b|#fff(?:fff)?\b|rgba?\(\s*255\s*,\s*255\s*,\s*255)|\bcolor\s*:\s*#fff(?:fff)?\b`,
      ),
    ],
  },
  {
    id: "zero_width",
    label: "zero-width characters inside words, which hide or split text",
    on: "raw",
    // Between letters of alphabetic scripts, or three in a row (bits smuggled as text).
    // Emoji joiners and the ZWNJ of Persian or Indic spelling are left alone.
    res: [
      w(
        String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}][\u200B-\u200D\u2060\uFEFF]+[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]|[\u200B-\u200D\u2060\uFEFF]{3,}`,
        "u",
      ),
    ],
  },
  {
    id: "bidi_control",
    label:
      "bidirectional control characters, which make text display differently from how it reads",
    on: "raw",
    res: [w(String.raw`[\u202A-\u202E\u2066-\u2069]`, "u")],
  },
  {
    id: "unicode_tags",
    label: "Unicode tag characters, which are invisible text",
    on: "raw",
    // Subdivision flags (England, Scotland, Wales) are a black flag followed by a few tags.
    res: [w(String.raw`(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]{0,6})[\u{E0000}-\u{E007F}]`, "u")],
  },
  {
    id: "control_chars",
    label: "control characters, which can hide or rewrite text on a terminal",
    on: "raw",
    res: [w(String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`, "u")],
  },
];
