// Phrases to look for in letter-spaced runs whose word breaks are lost
// ("i g n o r e a l l p r e v i o u s i n s t r u c t i o n s" squashes to one string of
// letters). Only spaced-out runs are checked this way: squashing ordinary prose would make
// "ignore the instructions on the box" read as an attack.

// biome-ignore format: one signature a line
export const SQUASHED: ReadonlyArray<{ id: string; re: RegExp }> = [
  { id: "ignore_instructions", re: /(?:ignore|disregard|forget|override)(?:all|the|any|of|your|my)*(?:previous|prior|above|earlier|system|original|your)(?:the)?(?:instructions?|rules|prompts?|guidelines|directions)/ },
  { id: "ignore_instructions", re: /(?:ignore|disregard|forget)(?:everything|all)(?:above|before|youweretold)/ },
  { id: "role_hijack", re: /youarenow(?:an?|the)?(?:ai|assistant|model|bot|dan|unrestricted|admin|jailbroken|analyst)|fromnowonyou|newinstructions|developermode|jailbreak|systemprompt/ },
  { id: "verdict_steering", re: /(?:mark|classify|rate|treat|label|consider)(?:this|the)?(?:seller|shop|store|account|merchant|vendor)(?:as)?(?:safe|legit|legitimate|trusted|notfraud|genuine|lowrisk)|notfraud|not_fraud|do(?:not|nt)flag|skip(?:the|all)?checks|verdict(?:is)?(?:safe|legitimate|notfraud)/ },
];
