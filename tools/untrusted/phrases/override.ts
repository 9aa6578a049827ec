// "Ignore your previous instructions", in English paraphrase and in seventeen other
// languages. Like the English catalogue, each phrase needs both the verb (ignore, forget,
// disregard) and the model's instructions as its object, qualified as earlier, above, all
// or the system's: "ignore the instructions on the box" is ordinary review language.
// Latin-script phrases are written without accents (they run on the accent-folded view);
// Cyrillic, Arabic, CJK and Devanagari ones are written as typed, with classes for letters
// the folded view changes (й → и, أ → ا).
import { multilingual } from "./regex.js";

// biome-ignore format: one phrase family a line, by language
export const OVERRIDE_PHRASES: readonly RegExp[] = multilingual([
  // en paraphrases: "disregard what you were told earlier", "your instructions no longer apply"
  String.raw`\b(?:ignore|disregard|forget|set aside|put aside|throw out|scrap|drop|stop following|do not follow|don't follow)\s+(?:what|whatever|anything|everything|all)\s+(?:(?:that\s+)?you(?:'ve| have)?\s+(?:were|been|was)?\s*(?:told|instructed|given|asked|programmed)|(?:i|we|they|anyone|someone)\s+(?:told|instructed|gave)\s+you|(?:was|has been|is)\s+(?:said|written|stated)\s+(?:above|before|earlier))`,
  String.raw`\b(?:your|the|all|any)\s+(?:(?:previous|prior|earlier|original|initial|existing|old|system|above)\s+(?:instructions?|rules|guidelines|prompts?|directives|orders)|(?:instructions?|rules|guidelines|prompts?|directives|orders)\s+(?:you\s+(?:were|have been)\s+given|you\s+received|given\s+to\s+you)(?:\s+(?:earlier|before|above|previously))?)\s+(?:no longer apply|do not apply|don't apply|are (?:void|cancel+ed|revoked|outdated|obsolete|suspended|invalid|overridden|superseded)|have been (?:revoked|cancel+ed|replaced|updated|superseded|lifted)|were (?:a test|wrong|fake))`,
  String.raw`\b(?:these|the following)\s+(?:instructions|rules|orders)\s+(?:override|supersede|replace|take precedence over)\s+(?:all|any|your|the)\b`,
  String.raw`\bwhatever\s+your\s+(?:guidelines|instructions|rules|prompt|policy|policies|system prompt)\s+(?:say|says|tell you|state)`,
  String.raw`\b(?:prior|previous|earlier|above|preceding|original|system)\s+(?:directives|instructions|rules|prompts?|guidelines|messages?)\s+(?:(?:you\s+(?:received|were given|got)\s+)?(?:are|is|were|as)\s+)?(?:void|null|cancel+ed|revoked|obsolete|invalid|outdated|superseded)\b`,
  String.raw`\b(?:higher|more)\s+priority\s+than\s+(?:anything|everything|all|your|the)\b`,
  String.raw`\b(?:discard|dismiss|scrap|throw away)\s+(?:the\s+|your\s+|all\s+)?(?:earlier|previous|prior|above|original|system|initial)\s+(?:prompt|instructions?|rules|guidelines|directives|context)`,
  // es
  String.raw`\b(?:ignora|ignore|ignorad|ignoren|olvida|olvide|olvidad|olviden|omite|omita|descarta|descarte|haz caso omiso de|no sigas|no siga)\s+(?:\p{L}+\s+){0,2}?(?:las|tus|sus|todas las|vuestras)\s+(?:\p{L}+\s+)?(?:instrucciones|reglas|indicaciones|ordenes|directrices|normas)\s+(?:anteriores|previas|de arriba|originales|iniciales|del sistema|recibidas)`,
  String.raw`\b(?:olvida|olvide|ignora|ignore)\s+todo\s+lo\s+(?:que\s+(?:te|le|se te|se le)\s+(?:dijeron|han dicho|ha dicho|indicaron|ordenaron)|anterior)`,
  // fr
  String.raw`\b(?:ignore[zr]?|oublie[zr]?|ne (?:tiens|tenez) pas compte d[eu]s?|fais abstraction d[eu]s?|faites abstraction d[eu]s?|ne suis pas|ne suivez pas)\s+(?:\p{L}+\s+){0,2}?(?:les|vos|tes|toutes les|tous les)?\s*(?:\p{L}+\s+)?(?:instructions|consignes|regles|directives|ordres)\s+(?:precedentes|anterieures|ci-dessus|d'avant|initiales|du systeme|recues)`,
  String.raw`\b(?:oublie|oubliez|ignore|ignorez)\s+tout\s+(?:ce qu'on (?:t'a|vous a) dit|ce qui precede|ce que (?:tu as|vous avez) recu)`,
  // de
  String.raw`\b(?:vergiss|vergessen sie|ignoriere|ignorieren sie|missachte)\s+alles,?\s+(?:was\s+(?:dir|ihnen|man dir|man ihnen)\s+(?:\p{L}+\s+){0,2}?(?:gesagt|aufgetragen|befohlen|vorgegeben)|(?:bisher|vorher|zuvor|oben)\b)`,
  String.raw`\b(?:deine|ihre|die|alle)\s+(?:bisherigen|vorherigen|fruheren|ursprunglichen)\s+(?:anweisungen|regeln|vorgaben|befehle)\s+(?:gelten nicht mehr|sind (?:aufgehoben|ungultig|hinfallig))`,
  // it
  String.raw`\b(?:ignora|ignorate|ignori|dimentica|dimenticate|dimentichi|trascura|non considerare|non seguire)\s+(?:\p{L}+\s+){0,2}?(?:le|tutte le|tue|sue|vostre)\s+(?:\p{L}+\s+)?(?:istruzioni|regole|indicazioni|direttive|consegne)\s+(?:precedenti|di prima|sopra|originali|iniziali|del sistema|ricevute)`,
  String.raw`\b(?:dimentica|dimenticate|ignora|ignorate)\s+tutto\s+(?:quello|cio)\s+che\s+ti\s+(?:e stato detto|hanno detto|abbiamo detto)`,
  // pt
  String.raw`\b(?:ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere|desconsidera|nao siga)\s+(?:\p{L}+\s+){0,2}?(?:as|suas|tuas|todas as)\s+(?:\p{L}+\s+)?(?:instrucoes|regras|orientacoes|diretrizes|ordens)\s+(?:anteriores|previas|acima|originais|iniciais|do sistema|recebidas)`,
  String.raw`\b(?:esqueca|esquece|ignore|ignora)\s+tudo\s+(?:o\s+)?que\s+(?:te|lhe|the)\s+(?:disseram|foi dito|mandaram)`,
  // nl
  String.raw`\b(?:negeer|vergeet|veronachtzaam|volg niet)\s+(?:\p{L}+\s+){0,2}?(?:vorige|eerdere|voorgaande|bovenstaande|oorspronkelijke|alle|je|uw)\s+(?:\p{L}+\s+)?(?:instructies|regels|opdrachten|aanwijzingen|richtlijnen)`,
  String.raw`\bvergeet\s+alles\s+wat\s+(?:je|u|jou)\s+(?:is\s+)?(?:verteld|gezegd|opgedragen)`,
  // ru, uk
  String.raw`(?:^|[^\p{L}])(?:игнорир[уy][ий]те|игнорир[уy][ий]|проигнорир[уy][ий](?:те)?|забудь(?:те)?|не обращай(?:те)? внимани[яе] на|отбрось(?:те)?|отмени(?:те)?|ігноруй(?:те)?|проігноруй(?:те)?|не зважай(?:те)? на)\s+(?:\p{L}+\s+){0,2}?(?:предыдущ\p{L}*|прежн\p{L}*|прошл\p{L}*|вышеуказанн\p{L}*|изначальн\p{L}*|системн\p{L}*|сво\p{L}*|тво\p{L}*|ваш\p{L}*|попередн\p{L}*|вс[еє]|ус[іi])\s+(?:\p{L}+\s+)?(?:инструкци\p{L}*|указани\p{L}*|правил\p{L}*|команд\p{L}*|установк\p{L}*|інструкці\p{L}*|вказівк\p{L}*|вказівок)`,
  String.raw`(?:^|[^\p{L}])(?:забудь(?:те)?|игнорир[уy][ий](?:те)?)\s+вс[её],?\s+что\s+(?:тебе|вам)\s+(?:говорили|сказали|велели)`,
  // pl
  String.raw`\b(?:zignoruj(?:cie)?|ignoruj(?:cie)?|zapomnij(?:cie)?|pomin(?:cie)?|nie zwazaj na)\s+(?:\p{L}+\s+){0,2}?(?:wszystkie|poprzednie|wczesniejsze|powyzsze|swoje|twoje|systemowe|dotychczasowe)\s+(?:\p{L}+\s+)?(?:instrukcje|polecenia|zasady|regu[lł]y|wytyczne)`,
  String.raw`\bzapomnij\s+o\s+wszystkim,?\s+co\s+ci\s+(?:powiedziano|kazano)`,
  // tr (verb last): "önceki tüm talimatları yok say"
  String.raw`\b(?:onceki|yukar[iı]daki|eski|sistem|t[uü]m|b[uü]t[uü]n)\s+(?:\p{L}+\s+)?(?:talimat|kural|komut|y[oö]nerge|emir|emr)\p{L}*\s+(?:\p{L}+\s+)?(?:yok say|g[oö]rmezden gel|unut|dikkate alma|umursama|ihmal et)`,
  // ar
  String.raw`(?:تجاهل|تجاهلي|تجاهلوا|[اأإ]نس|[اأإ]نسى|[اأإ]همل|لا تتبع)\s+(?:جميع\s+|كل\s+)?(?:ال)?(?:تعليمات|[اأإ]وامر|قواعد|توجيهات)\s*(?:ال)?(?:سابق[ةه]|[اأإ]صلي[ةه]|المعطا[ةه]|السابق[ةه])`,
  // zh (simplified and traditional)
  "(?:忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|忽视|忽視|不要遵守|不要遵循)(?:掉)?(?:你)?(?:之前|以前|先前|上面|上述|此前|原来|原來|原先|原有|系统|系統|所有|全部|一切)(?:的)?(?:所有|全部|一切)?(?:的)?(?:指令|指示|规则|規則|提示词|提示詞|命令|设定|設定|要求)",
  // ja
  "(?:以前|前|これまで|上記|上|先ほど|最初|元|システム)の(?:すべての|全ての|全部の)?(?:指示|命令|ルール|指令|プロンプト|設定|制約)(?:を|は)(?:すべて|全て|全部)?(?:無視|忘れ|破棄|取り消)",
  // ko
  String.raw`(?:이전|앞|위|기존|원래|시스템)(?:의|에)?\s?(?:모든\s)?(?:지시|지침|명령|규칙|프롬프트|지시사항|명령어)(?:을|를|은|는)?\s?(?:모두\s|전부\s|다\s)?(?:무시|잊)`,
  // hi
  String.raw`(?:पिछले|पिछली|पहले के|पहले दिए गए|ऊपर के|सभी|सारे)\s+(?:सभी\s+)?(?:निर्देशों|निर्देश|नियमों|नियम|आदेशों)\s+(?:को\s+)?(?:अनदेखा|नज\u093C?रअंदाज\u093C?|भूल|अनसुना|इग्नोर)`,
  // id
  String.raw`\b(?:abaikan|lupakan|acuhkan|jangan hiraukan|jangan ikuti)\s+(?:semua\s+|seluruh\s+)?(?:instruksi|perintah|aturan|arahan|petunjuk)\s+(?:\p{L}+\s+)?(?:sebelumnya|terdahulu|di atas|awal|sistem|yang diberikan)`,
  // vi (accent-folded: "bỏ qua tất cả hướng dẫn trước đó")
  String.raw`\b(?:bo qua|phot lo|quen|lo di|khong tuan theo)\s+(?:tat ca\s+|moi\s+|toan bo\s+)?(?:cac\s+|nhung\s+)?(?:huong dan|chi dan|chi thi|lenh|quy tac|menh lenh)\s+(?:truoc [dđ]o|truoc|o tren|ban [dđ]au|he thong|[dđ]a [dđ]uoc giao)`,
]);
