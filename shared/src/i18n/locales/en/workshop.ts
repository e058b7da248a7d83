// English messages of the 'workshop' namespace: the source of truth for its keys (see ../../messages.ts).
// Workshop mode (client/src/workshop/): the bar, the facilitator's forms, silent estimation, dot
// voting and the action plan.
export const workshop = {
  // The default agenda (shared/src/workshop/agenda.ts) as each participant reads it, while a step
  // still has its default title and prompt; English is the text stored in the document.
  agenda: {
    scope: {
      title: 'Scope',
      prompt:
        'Where does the stream start and end? What is one item of work, and how many arrive per day?',
    },
    steps: {
      title: 'Steps',
      prompt: 'Name every step an item goes through, in order, and the team that does it.',
    },
    time: {
      title: 'Time',
      prompt: 'Silently estimate how long each step takes (lead time) and how much of it is work.',
    },
    quality: {
      title: 'Quality',
      prompt:
        'Each team rates what it receives: what share arrives complete and accurate, usable as is?',
    },
    rework: {
      title: 'Rework',
      prompt: 'Where is work sent back, and how often?',
    },
    bottlenecks: {
      title: 'Bottlenecks',
      prompt: 'Place your dots on the steps that hold the stream back most.',
    },
    future: {
      title: 'Future state',
      prompt: 'Draw the stream as it could be in six months. What would have to change?',
    },
    plan: {
      title: 'Action plan',
      prompt: 'Turn the top ideas into owned actions: owner, due date, expected effect.',
    },
  },
  // A round's question for one stage (as shared's promptFor words it in English).
  question: {
    elapsedMinutes: '{{name}}: how long does one item take from arriving to leaving (lead time)?',
    valueAddMinutes: '{{name}}: how much of that time is actual work on it (process time)?',
    pctCARated: '{{rater}}: what share of what you receive from {{name}} is usable as is?',
    pctCAUnrated: "Whoever receives {{name}}'s output: what share of it is usable as is?",
    thisStep: 'this step',
  },
  // Why a dot cannot be added (as shared's checkDot words it in English).
  dotRefused: {
    closed: 'the vote is closed',
    notInVote: 'this item is not part of the vote',
    allPlaced: 'you have placed all {{dots}} dots',
    stackLimit: 'at most {{stack}} dots on one item',
  },
  bar: {
    label: 'Workshop',
    step: 'Step {{n}} of {{of}}',
    previous: 'Previous step',
    next: 'Next step',
    start: 'Start',
    pause: 'Pause',
    addFive: '+5 min',
    addFiveTitle: 'Add five minutes to this step',
    gather: 'Bring everyone to my view',
    rejoin: "Rejoin facilitator's view",
    followingNote: "Following the facilitator's view — pan to break away",
    edit: 'Edit step',
    facilitator: 'You facilitate',
    team: 'Your team',
    teamPlaceholder: 'e.g. QA',
    overTime: '{{clock}} over time',
    viewersTakePart: 'View links take part',
    viewersTakePartTitle:
      'Let people on the view link join, answer estimation rounds and vote with dots (they still cannot change the map)',
    progress: {
      answered: '{{done}} of {{of}} answered',
      voted: '{{done}} of {{of}} voted',
    },
  },
  button: {
    start: 'Start workshop',
    startTitle:
      'Run a facilitated workshop on this state: agenda, timer, silent estimation, dot voting',
    end: 'End workshop',
    takeOver: 'Facilitate',
    takeOverTitle: 'Become the facilitator of this workshop',
  },
  tools: {
    round: 'Estimation round…',
    vote: 'Dot vote…',
    plan: 'Action plan',
    noState:
      'The workshop’s state no longer exists; end the workshop and start it again on a state.',
  },
  stepEditor: {
    title: 'Title',
    prompt: 'Prompt',
    minutes: 'Time box (minutes)',
    save: 'Save step',
    cancel: 'Cancel',
    earlier: 'Move earlier',
    later: 'Move later',
    remove: 'Remove step',
    removeTitle: 'Take this step out of the agenda (the room moves to the next one)',
  },
  // What a round asks, in a sentence ("Silent estimation: lead time").
  field: {
    elapsedMinutes: 'lead time',
    valueAddMinutes: 'process time',
    pctCA: '%C/A',
  },
  estimation: {
    heading: 'Silent estimation: {{what}}',
    hidden: 'Answers stay hidden until the facilitator reveals them.',
    yourAnswer: 'Your answer: {{stage}}',
    save: 'Save',
    answered_one: '{{count}} answer',
    answered_other: '{{count}} answers',
    saved: 'You answered {{value}}',
    reveal: 'Reveal answers',
    close: 'Close round',
    stats: 'min {{min}} · median {{median}} · max {{max}}',
    wide: 'Answers spread {{ratio}}× — talk before accepting',
    wideFromZero: 'Answers spread from zero — talk before accepting',
    acceptMedian: 'Accept median ({{value}})',
    typed: 'Or type a value',
    accept: 'Accept',
    accepted: 'Accepted: {{value}}',
    acceptedRatedBy: 'Accepted: {{value}} (rated by {{team}})',
    noAnswers: 'Nobody answered.',
    yourTeam: 'Asked of your team',
    sharePlaceholder: 'e.g. 70',
    durationPlaceholder: 'e.g. 2d 4h',
    shareError: 'Enter a share from 0 to 100',
  },
  forms: {
    roundLabel: 'New estimation round',
    voteLabel: 'New dot vote',
    field: 'Estimate',
    fields: {
      elapsedMinutes: 'Lead time (LT)',
      valueAddMinutes: 'Process time (PT)',
      pctCA: '%C/A',
    },
    stages: 'For',
    allStages: 'every stage',
    named: 'Show names on reveal',
    openRound: 'Open round',
    subject: 'Vote on',
    subjects: {
      stages: 'bottleneck steps',
      kaizens: 'kaizen ideas',
    },
    dots: 'Dots each',
    stack: 'Most on one item',
    openVote: 'Open vote',
    cancel: 'Cancel',
  },
  vote: {
    heading: 'Dot vote: {{subject}}',
    subjects: {
      stages: 'the biggest bottlenecks',
      kaizens: 'the most valuable kaizen ideas',
    },
    rules: '{{dots}} dots each, at most {{stack}} on one item',
    left_one: '{{count}} dot left',
    left_other: '{{count}} dots left',
    hidden: 'Dots stay hidden until the facilitator closes the vote.',
    add: 'Add a dot to {{name}}',
    remove: 'Take a dot from {{name}}',
    close: 'Close vote',
    results: 'Results',
    dots_one: '{{count}} dot',
    dots_other: '{{count}} dots',
    make: 'Make kaizen candidates',
    top: 'Top',
    candidate: 'kaizen',
  },
  plan: {
    heading: 'Action plan',
    empty:
      'No kaizen bursts yet: close a dot vote and make kaizen candidates, or draw bursts on the map.',
    columns: {
      kaizen: 'Kaizen',
      stage: 'Stage',
      owner: 'Owner',
      due: 'Due',
      status: 'Status',
      effect: 'Expected effect',
      votes: 'Votes',
    },
    ownerOf: 'Owner of {{kaizen}}',
    dueOf: 'Due date of {{kaizen}}',
    statusOf: 'Status of {{kaizen}}',
    ltAfter: 'LT after',
    pctAfter: '%C/A after',
    ltAfterOf: 'LT after ({{kaizen}})',
    pctAfterOf: '%C/A after ({{kaizen}})',
    status: {
      idea: 'idea',
      planned: 'planned',
      doing: 'doing',
      done: 'done',
    },
  },
} as const;
