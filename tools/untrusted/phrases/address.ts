// Text addressed to the model: "Dear AI,", "Note to the reviewing model —", "If you are a
// language model, …", "Hinweis an die KI:", "致AI审核系统：". Shoppers write to other
// shoppers, to the seller or to the courier, never to an AI that reads reviews, so a
// salutation naming a model, a bot or an automated reviewer is itself a sign of steering.
// Found blind on held-out texts: phrase lists of instructions missed these paraphrases.
import { multilingual } from "./regex.js";

const MACHINE =
  "(?:ai|a\\.i\\.|llm|gpt|chatbot|bot|robot|assistant|language model|large language model|model|automated\\s+\\w+|(?:reviewing|review|reviewer|fraud|risk|moderation|screening)\\s+(?:model|system|ai|bot|agent|engine|checker|detector)|(?:ai|automated)\\s+(?:reviewer|moderator|checker|system|agent|analyst))";

// biome-ignore format: one phrase family a line, by language
export const ADDRESS_PHRASES: readonly RegExp[] = multilingual([
  String.raw`\b(?:dear|hey|hello|hi|attention|note|message|reminder|instructions?|notice|memo|warning|directive)(?:\s+\w+)?\s+(?:to|for)?\s*(?:the\s+|any\s+|all\s+|every\s+)?${MACHINE}s?\b(?:\s+(?:reading|reviewing|processing|analy[sz]ing|evaluating|checking|scanning)\s+(?:this|these)(?:\s+\w+)?)?\s*[:,—–]`,
  String.raw`(?:^|\n|[.!?]\s)(?:ai|llm|gpt|chatbot|reviewer bot|review bot|fraud (?:model|bot)|language model)\s*:`,
  String.raw`\bto\s+(?:whoever\s+or\s+)?whatever\s+(?:evaluates|reviews|reads|checks|assesses|processes|analy[sz]es)\b`,
  String.raw`\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|language model|large language model|chatbot|bot|automated\s+\w+|ai assistant|machine)\b`,
  String.raw`\bbe\s+a\s+(?:good|helpful|nice|smart)\s+(?:assistant|ai|bot|model)\b`,
  String.raw`\b(?:your|the)\s+(?:task|instructions?|job|role|assignment|objective|goal|mission)\s+(?:has|have)\s+(?:changed|been\s+(?:changed|updated|replaced|revised))`,
  // de, es, fr, it, pt (accent-folded)
  String.raw`\b(?:hinweis|nachricht|anweisung|achtung|notiz)\s+(?:an|fur)\s+(?:die\s+|den\s+|das\s+)?(?:ki|kunstliche intelligenz|bot|assistent\w*|modell|automatische\w* \w+)\b`,
  String.raw`\b(?:instruccion|mensaje|nota|aviso|atencion)\s+(?:para|a)\s+(?:el\s+|la\s+|los\s+)?(?:ia|inteligencia artificial|bot|asistente|modelo|sistema automatico|revisor automatico)\b`,
  String.raw`\b(?:message|note|instruction|consigne|avis|attention)\s+(?:pour|a)\s+(?:l'|le\s+|la\s+)?(?:ia|intelligence artificielle|bot|assistant|modele|systeme automatique)\b`,
  String.raw`\b(?:messaggio|nota|istruzione|avviso)\s+(?:per|a)\s+(?:l'|il\s+|la\s+)?(?:ia|intelligenza artificiale|bot|assistente|modello)\b`,
  String.raw`\b(?:mensagem|nota|instrucao|aviso)\s+(?:para|a|ao)\s+(?:a\s+|o\s+)?(?:ia|inteligencia artificial|bot|assistente|modelo)\b`,
  // ru, uk, zh, ja, ko
  String.raw`(?:^|[^\p{L}])(?:для|к|вниманию|до\s+уваги)\s+(?:ии|ai|нейросети|бота|модели|ассистента|ші|моделі|асистента)\s*[:,—-]`,
  String.raw`(?:致|给|給|对|對)\s?(?:ai|人工智能|模型|机器人|機器人|助手)\S{0,6}?[:,]`,
  "(?:ai|モデル|ボット|アシスタント|審査システム)(?:へ|に)(?:の)?(?:注意|指示|メッセージ|お知らせ)?[:、,]",
  String.raw`(?:ai|인공지능|모델|봇|어시스턴트)(?:에게|께)\s?[:,]`,
]);
