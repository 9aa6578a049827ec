// Role hijack and claimed authority: "you are now the fraud analyst", "from now on you
// must…", "as the platform's compliance officer I authorize you to…", in English and
// seventeen other languages. "Now you are part of our family" and "from now on you can
// order online" are shop talk, so a new role needs a model-like role noun (assistant, AI,
// analyst, administrator) and "from now on" needs a verb of the model's task.
import { multilingual } from "./regex.js";

const STAFF =
  "(?:compliance|trust (?:and|&) safety|fraud|risk|security|legal|audit|moderation|review|investigations?)\\s+(?:officer|team|department|lead|manager|director|analyst|desk)";
const AUTHORITY = `(?:administrator|admin|operator|owner|developer|moderator|ceo|cto|(?:head|chief) of \\w+|${STAFF}|system administrator|supervisor)`;
const PLATFORM =
  "(?:platform|marketplace|site|website|company|casehound|openai|anthropic|system)(?:'s)?";
const PERMIT =
  "(?:authori[sz]e|instruct|order|direct|permit|allow|require|need|want|ask|tell|command)";

// biome-ignore format: one phrase family a line, by language
export const ROLE_PHRASES: readonly RegExp[] = multilingual([
  // en: authority claims
  String.raw`\bas\s+(?:the|a|an|your)\s+(?:\w+\s+)?(?:${PLATFORM}\s+)?${AUTHORITY}(?:\s+(?:of|for|at)\s+(?:the|this)\s+${PLATFORM})?,?\s+(?:i|we)\s+(?:hereby\s+|am\s+|officially\s+)?(?:${PERMIT}|confirm|certify|approve|declare|override)`,
  String.raw`\b(?:i|we)\s+(?:hereby\s+)?(?:authori[sz]e|instruct|order|direct|permit)\s+you\s+to\b`,
  String.raw`\b(?:this is|this message is|message from|notice from|directive from|on behalf of|by order of|authori[sz]ed by)\s+(?:an?\s+)?(?:official\s+)?(?:message\s+from\s+)?(?:the\s+)?(?:${PLATFORM}\s+)?${AUTHORITY}\b`,
  String.raw`\b(?:admin(?:istrator)?|developer|operator|supervisor|compliance|security|emergency|authori[sz]ed|official)\s+(?:override|bypass)\b|\boverride\s+(?:code|token|authori[sz]ation|key)\b`,
  String.raw`\byou\s+(?:are\s+now|now\s+work|will\s+now\s+work|now\s+answer|now\s+report)\s+(?:acting|working|operating|speaking|answering|reporting)?\s*(?:as|for|on behalf of|to)\s+(?:the|this|our|my)\s+(?:seller|shop|store|merchant|vendor|owner)`,
  String.raw`\byou\s+are\s+now\s+(?:acting|operating|working)\s+(?:as|in|under)\b|\byou\s+are\s+now\s+in\s+\w+\s+mode\b`,
  String.raw`\byour\s+(?:real|actual|true|only|new|sole)\s+(?:job|task|role|purpose|goal|instruction)\s+(?:now\s+)?is\s+to\s+(?:approve|clear|confirm|protect|help|mark|classify|declare|report|say)`,
  // es
  String.raw`\b(?:(?:ahora|a partir de ahora|desde ahora)\s+(?:tu\s+)?eres|eres\s+ahora)\s+(?:un|una|el|la)?\s*(?:\p{L}+\s+)?(?:asistente|ia|modelo|bot|chatbot|analista|investigador|revisor|administrador|agente|sistema)\b`,
  String.raw`\b(?:a partir de ahora|desde ahora|de ahora en adelante),?\s+(?:tu\s+|usted\s+)?(?:debes|debe|vas a|tienes que|tu tarea es|tu funcion es)\s+(?:\p{L}+\s+)?(?:ignorar|responder|clasificar|marcar|aprobar|decir|actuar|obedecer)`,
  String.raw`\b(?:finge|finja|haz como)\s+(?:que\s+)?(?:eres|ser)\b|\b(?:actua|actue|comportate)\s+como\s+(?:un|una|el|la)?\s*(?:asistente|ia|modelo|analista|administrador|agente)|\bnuevas\s+instrucciones\s*:`,
  // fr
  String.raw`\b(?:tu es|vous etes)\s+(?:maintenant|desormais|a present)\s+(?:un|une|le|la|l')?\s*(?:\p{L}+\s+)?(?:assistant|ia|modele|bot|chatbot|analyste|enqueteur|administrateur|agent|systeme)\b`,
  String.raw`\b(?:a partir de maintenant|desormais|dorenavant),?\s+(?:tu|vous)\s+(?:dois|devez|vas|allez|es|etes)\s+(?:\p{L}+\s+){0,2}?(?:ignorer|repondre|classer|marquer|approuver|dire|agir|obeir|valider)`,
  String.raw`\b(?:fais|faites)\s+semblant\s+d'etre\b|\b(?:agis|agissez|comporte-toi|comportez-vous)\s+comme\s+(?:un|une|le|la)?\s*(?:assistant|ia|modele|analyste|administrateur|agent)|\bnouvelles\s+(?:instructions|consignes)\s*:`,
  // de
  String.raw`\bdu\s+bist\s+(?:jetzt|nun|ab sofort|ab jetzt)\s+(?:ein|eine|der|die|das)?\s*(?:\p{L}+\s+)?(?:assistent|ki|modell|bot|chatbot|analyst|prufer|ermittler|administrator|agent|system)\b`,
  String.raw`\bab\s+(?:jetzt|sofort)\s+(?:bist\s+du|wirst\s+du|musst\s+du|sollst\s+du|du\s+bist)\s+(?:\p{L}+\s+){0,2}?(?:ein|eine|antworten|ignorieren|einstufen|markieren|bewerten|freigeben|sagen|handeln|assistent|ki|analyst)`,
  String.raw`\btu\s+so,?\s+als\s+(?:ob|waerst|warst)\b|\b(?:verhalte\s+dich|handle)\s+(?:wie|als)\s+(?:ein|eine|der|die)?\s*(?:assistent|ki|modell|analyst|administrator|agent)|\bneue\s+(?:anweisungen|instruktionen|regeln)\s*:`,
  // it
  String.raw`\b(?:(?:ora|adesso|da ora in poi)\s+(?:tu\s+)?sei|sei\s+(?:ora|adesso))\s+(?:un|una|il|la|l')?\s*(?:\p{L}+\s+)?(?:assistente|ia|modello|bot|chatbot|analista|investigatore|revisore|amministratore|agente|sistema)\b`,
  String.raw`\bda\s+(?:ora|adesso|questo momento)\s+in\s+poi,?\s+(?:tu\s+)?(?:devi|dovrai|sei|risponderai|il tuo compito e)\s+(?:\p{L}+\s+){0,2}?(?:ignorare|rispondere|classificare|segnare|approvare|dire|agire|obbedire)`,
  String.raw`\bfingi\s+di\s+essere\b|\bcomportati\s+come\s+(?:un|una|il|la)?\s*(?:assistente|ia|modello|analista|amministratore|agente)|\bnuove\s+istruzioni\s*:`,
  // pt
  String.raw`\b(?:(?:agora|a partir de agora)\s+(?:voce|tu)\s+(?:e|es)|(?:voce|tu)\s+(?:agora\s+)?(?:e|es)\s+agora)\s+(?:um|uma|o|a)?\s*(?:\p{L}+\s+)?(?:assistente|ia|modelo|bot|chatbot|analista|investigador|revisor|administrador|agente|sistema)\b`,
  String.raw`\ba\s+partir\s+de\s+agora,?\s+(?:voce|tu)\s+(?:deve|vai|tem que|precisa)\s+(?:\p{L}+\s+){0,2}?(?:ignorar|responder|classificar|marcar|aprovar|dizer|agir|obedecer)`,
  String.raw`\bfinja\s+(?:ser|que\s+(?:e|voce\s+e))\b|\b(?:aja|atue|comporte-se)\s+como\s+(?:um|uma|o|a)?\s*(?:assistente|ia|modelo|analista|administrador|agente)|\bnovas\s+instrucoes\s*:`,
  // nl
  String.raw`\b(?:je|jij|u)\s+(?:bent|ben)\s+(?:nu|vanaf nu)\s+(?:een|de|het)?\s*(?:\p{L}+\s+)?(?:assistent|ai|model|bot|chatbot|analist|onderzoeker|beheerder|agent|systeem)\b`,
  String.raw`\bvanaf\s+nu\s+(?:ben\s+je|moet\s+je|ga\s+je|zul\s+je|moet\s+u)\s+(?:\p{L}+\s+){0,2}?(?:negeren|antwoorden|classificeren|markeren|goedkeuren|zeggen|handelen|een\s+(?:assistent|ai|analist))`,
  String.raw`\bdoe\s+alsof\s+(?:je|jij|u)\b|\bgedraag\s+je\s+als\s+(?:een|de)?\s*(?:assistent|ai|model|analist|beheerder|agent)|\bnieuwe\s+instructies\s*:`,
  // ru, uk
  String.raw`(?:^|[^\p{L}])(?:теперь\s+ты|ты\s+теперь|с\s+этого\s+момента\s+ты|отныне\s+ты|тепер\s+ти|ти\s+тепер|відтепер\s+ти|з\s+цього\s+моменту\s+ти)\s+(?:\p{L}+\s+)?(?:ассистент|помощник|ии|модель|бот|аналитик|следователь|администратор|агент|система|асистент|помічник|ші|аналітик|адміністратор)`,
  String.raw`(?:^|[^\p{L}])(?:притворись|притворитесь|веди\s+себя\s+как|действуй\s+как|удавай(?:те)?|дій\s+як|поводься\s+як)\s|(?:новые|нові)\s+(?:инструкции|інструкції)\s*:`,
  // pl
  String.raw`\b(?:od\s+teraz|teraz)\s+(?:jestes|bedziesz)\s+(?:\p{L}+\s+)?(?:asystent\p{L}*|ai|si|model\p{L}*|bot\p{L}*|analityk\p{L}*|administrator\p{L}*|agent\p{L}*|system\p{L}*)|\bjestes\s+teraz\s+(?:\p{L}+\s+)?(?:asystent|ai|si|model|bot|analityk|administrator|agent|system)`,
  String.raw`\budawaj,?\s+ze\s+jestes\b|\b(?:zachowuj\s+sie|dzia[lł]aj)\s+jak(?:o)?\s+(?:asystent|ai|model|analityk|administrator|agent)|\bnowe\s+instrukcje\s*:`,
  // tr
  String.raw`\b(?:art[iı]k\s+sen|sen\s+art[iı]k|bundan\s+sonra\s+sen)\s+(?:\p{L}+\s+){0,3}?(?:asistan|yapay\s+zeka|model|bot|analist|y[oö]netici|ajan|sistem)`,
  String.raw`\b(?:asistan|analist|y[oö]netici|yapay\s+zeka)\s*(?:gibi\s+davran|rol[uü]ne\s+b[uü]r[uü]n|rol[uü]n[uü]\s+oyna)|\byeni\s+talimatlar\s*:`,
  // ar
  String.raw`(?:[اأإ]نت|[اأإ]نتِ)\s+ال[اآ]ن\s+(?:\p{L}+\s+)?(?:مساعد|ذكاء|نموذج|بوت|محلل|مسؤول|وكيل|نظام)|من\s+ال[اآ]ن\s+فصاعد[اً]*\s*،?\s*(?:[اأإ]نت|يجب)|تظاهر\s+ب[اأ]نك|تعليمات\s+جديد[ةه]\s*:`,
  // zh
  String.raw`(?:你现在是|你現在是|现在你是|現在你是|从现在开始你是|從現在開始你是|你从现在起是)(?:一个|一名|一位)?\S{0,6}?(?:助手|助理|AI|ai|人工智能|模型|机器人|機器人|分析师|分析師|管理员|管理員|审核员|審核員|系统|系統)|(?:从现在开始|從現在開始|从现在起)[，,]?\s*你(?:必须|必須|要|应该|應該|只能)|假装你是|假裝你是|扮演(?:一个|一名)?\S{0,6}?(?:助手|分析师|管理员|审核员)|新的?(?:指令|指示)\s*:`,
  // ja
  String.raw`(?:あなたは今から|今からあなたは|これからあなたは|あなたはこれから|あなたはもう)[^。！？\n]{0,20}?(?:アシスタント|ai|モデル|ボット|アナリスト|管理者|審査員|システム|担当者)|(?:アシスタント|アナリスト|管理者|審査員)(?:の|として)?ふりをして|として振る舞|新しい指示\s*:`,
  // ko
  String.raw`(?:너는|당신은|넌)\s?(?:이제|지금부터|앞으로)\s?[^.!?。\n]{0,20}?(?:어시스턴트|비서|ai|인공지능|모델|봇|분석가|관리자|시스템)|(?:이제부터|지금부터)\s(?:너는|당신은)|(?:인|인\s)척\s?(?:해|하세요)|새로운?\s?(?:지시|지시사항|지침)\s*:`,
  // hi
  String.raw`(?:अब\s+(?:से\s+)?(?:तुम|आप)|(?:तुम|आप)\s+अब)\s+(?:एक\s+)?(?:\S+\s+){0,3}?(?:सहायक|एआई|ai|मॉडल|बॉट|विश्लेषक|प्रबंधक|सिस्टम)|होने\s+का\s+नाटक\s+कर|नए\s+निर्देश\s*:`,
  // id
  String.raw`\b(?:sekarang\s+(?:kamu|anda)\s+(?:adalah\s+)?|(?:kamu|anda)\s+sekarang\s+(?:adalah\s+)?|mulai\s+sekarang\s+(?:kamu|anda)\s+(?:adalah\s+)?)(?:seorang\s+|sebuah\s+)?(?:\p{L}+\s+)?(?:asisten|ai|model|bot|analis|administrator|sistem|agen)\b|\bberpura-pura\s+(?:menjadi|jadi)\b|\binstruksi\s+baru\s*:`,
  // vi (accent-folded)
  String.raw`\b(?:bay gio|tu gio|tu bay gio)\s+(?:tro di\s+)?(?:ban|may)\s+(?:la|se la)\s+(?:mot\s+)?(?:\p{L}+\s+)?(?:tro ly|ai|mo hinh|bot|nha phan tich|quan tri vien|he thong)|\bgia vo\s+(?:ban\s+)?la\b|\bhuong dan moi\s*:`,
]);
