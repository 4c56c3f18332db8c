// The clauses of the EU–CLASI joint declaration of 28 September 2023 that the alignment rules cite, quoted whole.
// Our only source is the Council's Danish text (shared/seeds; the English original, ST 12838/23, is not at hand),
// so every language here, English included, is our own translation of the Danish, and says so. Each clause is
// rendered word for word from its first word to its last (only the trailing ";" or "," that joins it to the next
// clause, and a footnote mark in clause 22, are left out), because a quotation with silent cuts can change what
// a clause asks for: clause 20 coordinates IDEAL "in Latin America", clause 18 adapts the cycle "to EMPACT".
import { defineMessages } from '../define.js';

export const declarationMessages = defineMessages({
  en: {
    attribution:
      'EU–CLASI joint declaration, 28 September 2023; unofficial translation of the Danish text (the English original, ST 12838/23, is not at hand)',
    'clause.15':
      'highlighting the adoption of operational action plans coordinated by CLASI following the EMPACT model as part of the CLASI policy cycle and working method, with a view to aligning the strategic, tactical and operational measures in the region',
    'clause.18':
      'we undertake to work with the Latin American security cycle following a working method similar to that of EMPACT and adapted to EMPACT where relevant, including a monitoring mechanism through CLASI',
    'clause.19':
      'we undertake to increase cooperation between competent agencies in our respective regions while promoting active cooperation between the EMPACT and CLASI operational action plans, which remain independent, with the involvement of the responsible stakeholders, in order to make progress together towards common goals, and to encourage law-enforcement experts to take part in the respective planned operational actions where relevant',
    'clause.20':
      'we undertake to coordinate the timing of the launch of the Latin American documentation and threat assessment instrument (IDEAL) in Latin America with the already established EU serious and organised crime threat assessment (SOCTA), in order to optimise the results of the respective security cycles',
    'clause.22':
      'we welcome the creation of the bi-regional counter-narcotics task force on combating drug trafficking, whose first operational meeting was held in October 2022 in Buenos Aires, Argentina, thereby showing that political commitments at strategic level lead to concrete operational results, and call on the task force to launch joint operations taking into account the results of SOCTA and IDEAL; recall the task force’s wish to develop into a network of experts and call on the member states to take part in it',
    'clause.25':
      'we call for regular meetings, including at senior-official level, to build on the dialogue that began with the creation of CLASI and that we reaffirm with this joint declaration at political, strategic, technical and operational level, and for this to enable the development of a common culture of cooperation in order to achieve greater security and well-being for our citizens',
    'clause.26':
      'we, the interior ministers of the member states of the European Union and of CLASI, look forward to meeting again in the same composition to review the progress made in implementing this joint declaration, on a date to be fixed',
  },
  es: {
    attribution:
      'Declaración conjunta UE–CLASI, 28 de septiembre de 2023; traducción no oficial del texto danés (el original inglés, ST 12838/23, no está a nuestro alcance)',
    'clause.15':
      'destacando la adopción de planes de acción operativos coordinados por el CLASI según el modelo EMPACT como parte del ciclo de políticas y del método de trabajo del CLASI, con vistas a ajustar las medidas estratégicas, tácticas y operativas en la región',
    'clause.18':
      'nos comprometemos a trabajar con el ciclo de seguridad latinoamericano siguiendo un método de trabajo similar al del EMPACT y adaptado al EMPACT cuando proceda, incluido un mecanismo de seguimiento a través del CLASI',
    'clause.19':
      'nos comprometemos a aumentar la cooperación entre los organismos competentes de nuestras respectivas regiones y, al mismo tiempo, a fomentar una cooperación activa entre los planes de acción operativos de EMPACT y del CLASI, que siguen siendo independientes, con la participación de las partes interesadas responsables, para avanzar juntos hacia objetivos comunes, y a animar a los expertos en aplicación de la ley a participar en las respectivas acciones operativas previstas cuando proceda',
    'clause.20':
      'nos comprometemos a coordinar el momento del lanzamiento del instrumento latinoamericano de documentación y evaluación de amenazas (IDEAL) en América Latina con la ya establecida evaluación de la UE de la amenaza de la delincuencia grave y organizada (SOCTA), para optimizar los resultados de los respectivos ciclos de seguridad',
    'clause.22':
      'acogemos con satisfacción la creación del grupo de trabajo birregional antinarcóticos de lucha contra el tráfico de drogas, cuya primera reunión operativa se celebró en octubre de 2022 en Buenos Aires (Argentina), lo que demuestra que los compromisos políticos en el plano estratégico conducen a resultados operativos concretos, e instamos al grupo de trabajo a emprender operaciones conjuntas teniendo en cuenta los resultados del SOCTA y del IDEAL; recordamos el deseo del grupo de trabajo de convertirse en una red de expertos e instamos a los Estados miembros a participar en ella',
    'clause.25':
      'pedimos reuniones periódicas, también a nivel de altos funcionarios, para consolidar el diálogo que comenzó con la creación del CLASI y que reafirmamos con esta declaración conjunta en los planos político, estratégico, técnico y operativo, y que ello permita desarrollar una cultura común de cooperación con el fin de lograr mayor seguridad y bienestar para nuestros ciudadanos',
    'clause.26':
      'nosotros, los ministros del Interior de los Estados miembros de la Unión Europea y del CLASI, esperamos volver a reunirnos en la misma composición para examinar los avances logrados en la aplicación de esta declaración conjunta, en una fecha por determinar',
  },
  pt: {
    attribution:
      'Declaração conjunta UE–CLASI, 28 de setembro de 2023; tradução não oficial do texto dinamarquês (o original inglês, ST 12838/23, não está ao nosso alcance)',
    'clause.15':
      'salientando a adoção de planos de ação operacionais coordenados pelo CLASI segundo o modelo EMPACT, no âmbito do ciclo de políticas e do método de trabalho do CLASI, com vista a ajustar as medidas estratégicas, táticas e operacionais na região',
    'clause.18':
      'comprometemo-nos a trabalhar com o ciclo de segurança latino-americano segundo um método de trabalho semelhante ao da EMPACT e adaptado à EMPACT quando pertinente, incluindo um mecanismo de acompanhamento através do CLASI',
    'clause.19':
      'comprometemo-nos a aumentar a cooperação entre as agências competentes das nossas respetivas regiões e, ao mesmo tempo, a promover uma cooperação ativa entre os planos de ação operacionais da EMPACT e do CLASI, que continuam independentes, com a participação das partes interessadas responsáveis, para progredir em conjunto rumo a objetivos comuns, e a incentivar os peritos responsáveis pela aplicação da lei a participar nas respetivas ações operacionais planeadas, quando pertinente',
    'clause.20':
      'comprometemo-nos a coordenar o momento do lançamento do instrumento latino-americano de documentação e avaliação de ameaças (IDEAL) na América Latina com a já estabelecida avaliação da UE da ameaça da criminalidade grave e organizada (SOCTA), para otimizar os resultados dos respetivos ciclos de segurança',
    'clause.22':
      'congratulamo-nos com a criação do grupo de trabalho birregional antidroga de luta contra o tráfico de droga, cuja primeira reunião operacional se realizou em outubro de 2022 em Buenos Aires, Argentina, demonstrando assim que os compromissos políticos no plano estratégico conduzem a resultados operacionais concretos, e instamos o grupo de trabalho a lançar operações conjuntas tendo em conta os resultados da SOCTA e do IDEAL; recordamos o desejo do grupo de trabalho de se tornar uma rede de peritos e instamos os Estados-Membros a participar nela',
    'clause.25':
      'apelamos a reuniões regulares, incluindo a nível de altos funcionários, para dar continuidade ao diálogo iniciado com a criação do CLASI e que reafirmamos com esta declaração conjunta nos planos político, estratégico, técnico e operacional, e a que isso permita desenvolver uma cultura comum de cooperação, a fim de alcançar maior segurança e bem-estar para os nossos cidadãos',
    'clause.26':
      'nós, os ministros da Administração Interna dos Estados-Membros da União Europeia e do CLASI, esperamos voltar a reunir-nos na mesma composição para analisar os progressos realizados na aplicação desta declaração conjunta, numa data a fixar',
  },
});

export type DeclarationKey = keyof (typeof declarationMessages)['en'];
